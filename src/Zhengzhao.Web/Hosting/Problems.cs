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
        [415] = "不支持的内容类型",
        [429] = "请求过于频繁",
        [500] = "服务器内部错误",
        [503] = "服务暂不可用",
    };

    public static bool IsApi(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
    }

    public static IServiceCollection AddZhengzhaoProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
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
            }
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });

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

    public static IResult NotFound() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: ChineseTitles[404], detail: "没有这个接口，请查阅 /api/docs 中的接口说明。");

    /// <summary>The answer of a use case: its value as JSON, or its refusal as problem details.</summary>
    public static IResult ToHttpResult<T>(this Result<T> result, Func<T, object>? shape = null) =>
        result.IsSuccess ? Results.Ok(shape is null ? result.Value : shape(result.Value!)) : From(result.Refusal!);
}
