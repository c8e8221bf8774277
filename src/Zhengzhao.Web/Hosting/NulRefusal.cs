using Microsoft.AspNetCore.Mvc;

namespace Zhengzhao.Web.Hosting;

/// <summary>
/// Refuses a query or form field holding a NUL before any page or endpoint reads it. PostgreSQL cannot hold a NUL in
/// text, not even as a search term, so a filter like <c>?q=a%00b</c> would otherwise fail deep in a query as a server
/// error; the use cases refuse NUL in what they store, this covers what is only looked up.
/// </summary>
public static class NulRefusal
{
    public static IApplicationBuilder UseNulRefusal(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var field = Holding(request.Query);
            if (field is null && request.HasFormContentType && !request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    field = Holding(await request.ReadFormAsync(context.RequestAborted));
                }
                catch (InvalidDataException)
                {
                    // The form reader itself refuses a NUL (and says no more), which would otherwise surface as a 500.
                    field = "form";
                }
            }

            if (field is null)
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            if (!Problems.IsApi(request))
            {
                return; // the status page tells the person in Chinese
            }

            var reason = $"参数 {Problems.Quote(field)} 含有空字符（NUL），请删除后重新提交。";
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
            {
                HttpContext = context,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Detail = reason,
                },
            });
        });

    private static string? Holding(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> fields)
    {
        foreach (var (key, values) in fields)
        {
            if (key.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                return key.Replace("\0", string.Empty, StringComparison.Ordinal);
            }
        }

        return null;
    }
}
