using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Zhengzhao.Web.Hosting;

/// <summary>
/// The public portal's fair-use limit: so many look-ups (credit search and record, permit verification) a minute per client address (<c>PublicPortal:RequestsPerMinute</c>,
/// default 120). Past it, people get a polite Chinese page and the API a 429 problem, both with <c>Retry-After</c>;
/// never a captcha.
/// </summary>
public static class PublicRateLimit
{
    public const string Policy = "public";
    public const int DefaultPerMinute = 120;

    public static IServiceCollection AddPublicRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("PublicPortal:RequestsPerMinute", DefaultPerMinute);
        return services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = RejectAsync;
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        const string Detail = "查询过于频繁。为保障所有人都能正常查询，每个地址每分钟的查询次数有限，请稍后再试。";
        if (Problems.IsApi(context.Request))
        {
            await Results.Problem(detail: $"{Detail}（{seconds} 秒后可再次查询）", statusCode: StatusCodes.Status429TooManyRequests, title: "查询过于频繁", type: "/problems/too-many-requests")
                .ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>请稍后再试 · “证照分离”改革服务平台</title></head>
            <body><main><h1>请稍后再试</h1><p>{WebUtility.HtmlEncode(Detail)}</p><p>约 {seconds} 秒后可再次查询。</p><p><a href="/">返回首页</a></p></main></body></html>
            """,
            cancellationToken);
    }
}
