using Microsoft.AspNetCore.Mvc;
using Zhengzhao.Common;

namespace Zhengzhao.Web.Hosting;

/// <summary>RFC 9457 problem details: how refusals and errors leave the API.</summary>
public static class Problems
{
    public const string TypeBase = "/problems/";

    private static readonly Dictionary<int, string> ChineseTitles = new()
    {
        [400] = "请求无效",
        [401] = "需要登录",
        [403] = "无权访问",
        [404] = "资源不存在",
        [405] = "不支持该请求方法",
        [409] = "与现有数据冲突",
        [413] = "请求内容过大",
        [414] = "请求地址过长",
        [415] = "不支持的内容类型",
        [431] = "请求头过大",
        [429] = "请求过于频繁",
        [500] = "服务器内部错误",
        [503] = "服务暂不可用",
    };

    public static bool IsApi(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The most of a caller's value a problem repeats; a 100,000-character field is not sent back whole.</summary>
    public const int QuotedLength = 64;

    /// <summary>The most of any detail or field error a problem carries, whatever a use case put into it.</summary>
    public const int DetailLength = 1000;

    /// <summary>A caller's value as a problem may repeat it: the start only when it is long, and how long it was.</summary>
    public static string Quote(string? value) =>
        value is null ? string.Empty
        : value.Length <= QuotedLength ? value
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value[..QuotedLength]}…（共 {value.Length} 个字符）");

    public static IServiceCollection AddZhengzhaoProblemDetails(this IServiceCollection services)
    {
        // A request the framework cannot bind is a 400 with a reason in every environment, not only outside
        // Development (where Minimal APIs answer a bare 400 without saying which field); MalformedRequests words it.
        services.PostConfigure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<MalformedRequests>();
        services.AddSingleton<UnmatchedApiRequests>();
        return services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;

            // Framework-made problems (status pages, the exception handler, authentication) get a Chinese title
            // and a type of ours, like the refusals of the use cases.
            if (problem.Type?.StartsWith(TypeBase, StringComparison.Ordinal) != true)
            {
                problem.Type = TypeBase + status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (ChineseTitles.TryGetValue(status, out var title))
                {
                    problem.Title = title;
                }

                problem.Detail ??= WhatToDo(status, context.HttpContext.Request);
            }
            problem.Detail = Capped(problem.Detail);
            if (problem is HttpValidationProblemDetails validation)
            {
                var errors = validation.Errors.ToDictionary(e => Capped(e.Key)!, e => e.Value.Select(m => Capped(m)!).ToArray());
                validation.Errors.Clear();
                foreach (var (field, messages) in errors)
                {
                    validation.Errors[field] = messages;
                }
            }

            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
    }

    /// <summary>
    /// What a caller the framework itself turned away (the sign-in or the role check, the form reader, routing: no
    /// use case ran) should do next: a client that sent a token or a cookie has one that no longer counts, one that
    /// sent none must sign in; a form body that ends before its closing boundary was cut off on the way.
    /// </summary>
    private static string? WhatToDo(int status, HttpRequest request) => status switch
    {
        StatusCodes.Status400BadRequest when request.HasFormContentType
            => "无法读取请求体：multipart/form-data 或表单内容不完整（可能在上传途中被截断），请重新提交。",
        StatusCodes.Status400BadRequest => "请求格式无效，无法读取，请按 /api/docs 中的接口说明重新提交。",
        StatusCodes.Status401Unauthorized when request.Headers.Authorization.Count > 0 || request.Cookies.ContainsKey(IdentitySetup.AuthCookie)
            => "登录凭据无效或已失效（访问令牌已过期、已退出登录或密码已更改），请重新登录后再试；接口调用方请重新申请访问令牌（POST /api/v1/identity/token）。",
        StatusCodes.Status401Unauthorized
            => "请先登录：接口调用须在 Authorization 请求头中携带 Bearer 访问令牌（POST /api/v1/identity/token 申请）。",
        StatusCodes.Status403Forbidden
            => "当前账户的角色无权进行此项操作；如确需办理，请使用有相应权限的账户，或请系统管理员调整账户角色。",
        StatusCodes.Status404NotFound => "没有找到请求的地址或资源，请核对地址（路径参数中的“/”不能写作 %2F）；接口说明见 /api/docs。",
        _ => null,
    };

    private static string? Capped(string? text) => text is { Length: > DetailLength } ? text[..DetailLength] + "…" : text;

    public static IResult From(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var status = refusal.Kind switch
        {
            RefusalKind.NotFound => StatusCodes.Status404NotFound,
            RefusalKind.Conflict => StatusCodes.Status409Conflict,
            RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
            RefusalKind.Unauthenticated => StatusCodes.Status401Unauthorized,
            RefusalKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status400BadRequest,
        };
        var problem = refusal.Errors is null ? new ProblemDetails() : new HttpValidationProblemDetails(refusal.Errors.ToDictionary());
        problem.Type = TypeBase + refusal.Type;
        problem.Title = refusal.Title;
        problem.Detail = refusal.Detail;
        problem.Status = status;
        return Results.Problem(problem);
    }

    /// <summary>The answer of a use case: its value as JSON, or its refusal as problem details.</summary>
    public static IResult ToHttpResult<T>(this Result<T> result, Func<T, object>? shape = null) =>
        result.IsSuccess ? Results.Ok(shape is null ? result.Value : shape(result.Value!)) : From(result.Refusal!);
}
