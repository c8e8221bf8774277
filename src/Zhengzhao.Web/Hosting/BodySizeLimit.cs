using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Zhengzhao.Web.Hosting;

/// <summary>
/// Refuses an API request whose declared body is over the limit before an endpoint reads it. When a body grows past
/// the limit while being read, Kestrel itself ends the request with a bare 413 (the endpoint sees only a read
/// error); a declared length lets the API answer the same status as problem details instead.
/// </summary>
public static class BodySizeLimit
{
    /// <summary>Runs after routing, which has already set the endpoint's own limit (an import takes more than a form).</summary>
    public static IApplicationBuilder UseDeclaredBodySizeLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (Problems.IsApi(context.Request)
                && context.Request.ContentLength is { } length
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { MaxRequestBodySize: { } limit }
                && length > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Detail = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"请求内容为 {length} 字节，超过本接口允许的 {limit} 字节。"),
                    },
                });
                return;
            }

            await next(context);
        });
}
