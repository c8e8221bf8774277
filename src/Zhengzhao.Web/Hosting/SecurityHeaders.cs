using Scalar.AspNetCore;

namespace Zhengzhao.Web.Hosting;

public static class SecurityHeaders
{
    // Everything is served by the app itself (no CDN), so the policy can be 'self' throughout. No page runs inline
    // script, so an injected <script> or on*="" attribute does nothing; no page carries a style attribute or <style>
    // either, so injected markup cannot restyle a page (hide a warning, overlay a fake form) and styles come only from
    // the app's own stylesheet.
    private const string ScriptSource = "script-src 'self'";

    private const string StyleSource = "style-src 'self'";

    private const string Policy =
        "default-src 'self'; img-src 'self' data:; " + StyleSource + "; " + ScriptSource + "; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    // Set as the response starts, not as the request arrives: the exception handler clears the headers of a response
    // it takes over (a request the framework could not bind is answered that way), and those answers need them too.
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";

                // The API reference starts itself with one inline module script; Scalar stamps it with a fresh nonce
                // per request, and only that response allows that nonce. Its bundle also injects its styles at run
                // time (<style> elements and style attributes, which a nonce cannot cover), so only that response
                // allows inline styles.
                headers.ContentSecurityPolicy = context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce
                    ? Policy
                        .Replace(StyleSource, $"{StyleSource} 'unsafe-inline'", StringComparison.Ordinal)
                        .Replace(ScriptSource, $"{ScriptSource} 'nonce-{nonce}'", StringComparison.Ordinal)
                    : Policy;
                return Task.CompletedTask;
            });
            return next(context);
        });
}
