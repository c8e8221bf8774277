using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Zhengzhao.Web.Hosting;

/// <summary>
/// What the app believes about the connection behind the reverse proxy that terminates TLS: the client's address and
/// scheme only from the proxies the operator lists, cookies that never travel in clear outside Development, and HSTS on
/// every HTTPS answer.
/// </summary>
public static class SecureTransport
{
    public static IServiceCollection AddSecureTransport(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Unconfigured, only a proxy on the same machine (loopback, the framework's default) is believed: an
            // X-Forwarded-For from anywhere else is ignored, so nobody outside can pick the address a limit counts.
            if (proxies.Length + networks.Length == 0)
            {
                return;
            }

            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        // Development runs on plain http://localhost; everywhere else a cookie (sign-in, antiforgery, any other)
        // is sent over HTTPS only, whatever a handler asked for.
        services.Configure<CookiePolicyOptions>(o => o.Secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        return services;
    }

    public static IApplicationBuilder UseSecureTransport(this WebApplication app)
    {
        // First, so that every later step (limits, sign-in, HTTPS checks, links) sees the client, not the proxy.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // Sent only on HTTPS answers, which behind the proxy are those it forwarded with X-Forwarded-Proto: https.
            app.UseHsts();
        }

        if (app.Configuration.GetValue<bool>("Security:RequireHttps"))
        {
            app.UseHttpsRedirection();
        }

        return app.UseCookiePolicy();
    }
}
