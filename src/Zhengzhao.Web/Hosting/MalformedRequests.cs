using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Zhengzhao.Web.Hosting;

/// <summary>
/// Turns the framework's refusals of a request it cannot bind (a query value that is not a number, a body that is not
/// JSON or has a wrong type somewhere, a wrong media type, a body over the limit) into 4xx problem details whose Chinese
/// detail names the field and what was expected, in every environment.
/// </summary>
/// <remarks>
/// Minimal APIs say which parameter failed only in the exception's English message, so the message is read by pattern;
/// the tests in Platform/MalformedRequestTests notice if a framework update rewords it (the detail then falls back to
/// a general one, never to a 500).
/// </remarks>
public sealed partial class MalformedRequests(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!Problems.IsApi(httpContext.Request) || httpContext.Response.HasStarted)
        {
            return false;
        }

        var (status, field, detail) = exception switch
        {
            BadHttpRequestException bad => Describe(bad, httpContext.Request),
            JsonException invalid => (StatusCodes.Status400BadRequest, Path(invalid), Body(invalid, BodyType(httpContext))),
            _ => (0, null, null),
        };
        if (detail is null)
        {
            return false;
        }

        var problem = field is null ? new ProblemDetails() : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] });
        problem.Status = status;
        problem.Detail = detail;
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new() { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static (int Status, string? Field, string Detail) Describe(BadHttpRequestException bad, HttpRequest request)
    {
        var message = bad.Message;
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (bad.StatusCode, null, "请求内容超过本接口允许的大小。");
        }

        if (MediaType().Match(message) is { Success: true } media)
        {
            var expected = media.Groups["as"].Value == "JSON" ? "application/json" : "multipart/form-data 或 application/x-www-form-urlencoded";
            return (StatusCodes.Status415UnsupportedMediaType, null, $"请求体应为 {expected}，收到的内容类型为“{Problems.Quote(media.Groups["got"].Value)}”。");
        }

        if (Unbound().Match(message) is { Success: true } unbound)
        {
            var name = unbound.Groups["name"].Value;
            return (StatusCodes.Status400BadRequest, name, $"{Where(request, name)} {name} 应为{Expected(Displayed(unbound.Groups["type"].Value))}，输入为“{Problems.Quote(unbound.Groups["value"].Value)}”。");
        }

        if (Missing().Match(message) is { Success: true } missing)
        {
            var name = missing.Groups["name"].Value;
            return missing.Groups["source"].Value == "body"
                ? (StatusCodes.Status400BadRequest, null, "缺少请求体：应为 JSON 对象。")
                : (StatusCodes.Status400BadRequest, name, $"缺少{Where(request, name)} {name}（应为{Expected(Displayed(missing.Groups["type"].Value))}）。");
        }

        if (message.StartsWith("Implicit body inferred", StringComparison.Ordinal))
        {
            return (StatusCodes.Status400BadRequest, null, "缺少请求体：应为 JSON 对象。");
        }

        if (Unreadable().Match(message) is { Success: true } unreadable)
        {
            return bad.InnerException is JsonException invalid ? (StatusCodes.Status400BadRequest, Path(invalid), Body(invalid, BodyType(request.HttpContext)))
                : unreadable.Groups["as"].Value == "form" ? (StatusCodes.Status400BadRequest, unreadable.Groups["name"].Value, $"无法读取表单字段 {unreadable.Groups["name"].Value}：请求体应为完整的 multipart/form-data。")
                : (StatusCodes.Status400BadRequest, null, "请求体不是有效的 JSON。");
        }

        return (bad.StatusCode, null, "请求格式无效，无法读取。");
    }

    /// <summary>The endpoint's body type; the exception handler has taken the endpoint off the request and keeps it in its feature.</summary>
    private static Type? BodyType(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;

    /// <summary>Where a named value came from, as the caller wrote it.</summary>
    private static string Where(HttpRequest request, string name) =>
        request.HttpContext.Features.Get<IExceptionHandlerFeature>()?.RouteValues?.ContainsKey(name) == true ? "路径参数" : request.Headers.ContainsKey(name) ? "请求头" : "查询参数";

    /// <summary>The field a JSON error sits in, as the caller's own path ("materials[0].upload"), or null for the whole body.</summary>
    private static string? Path(JsonException invalid) =>
        invalid.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? Problems.Quote(path[2..]) : null;

    /// <summary>What is wrong with a JSON body; STJ names only the enclosing type, so the field's own type is found from the endpoint's body type.</summary>
    private static string Body(JsonException invalid, Type? body)
    {
        var field = Path(invalid);
        if (invalid.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            var expected = Expected(body is null ? null : FieldType(body, field));
            return field is null ? $"请求体应为{expected}。" : $"请求体中 {field} 的值应为{expected}。";
        }

        var line = invalid.LineNumber is { } number ? string.Create(CultureInfo.InvariantCulture, $"（第 {number + 1} 行附近）") : string.Empty;
        return field is null ? $"请求体不是有效的 JSON{line}。" : $"请求体不是有效的 JSON：{field} 附近有误{line}。";
    }

    /// <summary>The type at a JSON path such as "materials[0].upload" within the body type, or null where the path leaves it.</summary>
    private static Type? FieldType(Type body, string? path)
    {
        Type? type = body;
        foreach (var segment in (path ?? string.Empty).Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Split('[')[0];
            type = type?.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            if (segment.Contains('[', StringComparison.Ordinal))
            {
                type = type is null ? null : Element(type);
            }
        }

        return type;
    }

    private static Type? Element(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.IsAssignableTo(typeof(System.Collections.IEnumerable)) ? type.GetGenericArguments()[^1]
        : null;

    /// <summary>A type named as Minimal APIs name it in their messages ("int", "Nullable&lt;bool&gt;", "Guid").</summary>
    private static Type? Displayed(string name) =>
        NullableName().Match(name) is { Success: true } inner ? Displayed(inner.Groups["type"].Value)
        : name.TrimEnd('?') switch
        {
            "int" or "long" or "short" => typeof(int),
            "decimal" or "double" or "float" => typeof(decimal),
            "bool" => typeof(bool),
            "string" => typeof(string),
            var other => Type.GetType("System." + other),
        };

    /// <summary>What a value of the type looks like, in words a caller of the API reads.</summary>
    private static string Expected(Type? type)
    {
        type = type is null ? null : System.Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => "正确类型的值",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "整数",
            _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => "数字",
            _ when type == typeof(bool) => " true 或 false",
            _ when type == typeof(Guid) => " GUID（如 3fa85f64-5717-4562-b3fc-2c963f66afa6）",
            _ when type == typeof(DateOnly) => " yyyy-MM-dd 格式的日期",
            _ when type == typeof(TimeOnly) => " HH:mm 格式的时间",
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => " ISO 8601 格式的时间",
            _ when type == typeof(string) => "字符串",
            { IsEnum: true } => $" {string.Join("、", Enum.GetNames(type))} 之一",
            { } t when Element(t) is not null => "数组",
            _ => " JSON 对象",
        };
    }

    [GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>[^ \"]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex Unbound();

    [GeneratedRegex("^Required parameter \"(?<type>.+) (?<name>[^ \"]+)\" was not provided from (?<source>.+)\\.$", RegexOptions.Singleline)]
    private static partial Regex Missing();

    [GeneratedRegex("^Failed to read parameter \"(?<type>.+) (?<name>[^ \"]+)\" from the request body as (?<as>JSON|form)\\.$", RegexOptions.Singleline)]
    private static partial Regex Unreadable();

    [GeneratedRegex("^Expected a supported (?<as>JSON|form) media type but got \"(?<got>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex MediaType();

    [GeneratedRegex("^Nullable<(?<type>.+)>$")]
    private static partial Regex NullableName();
}
