using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Platform;

/// <summary>
/// The platform behind one trusted reverse proxy (10.0.0.5), with a public limit of two look-ups a minute. A test names
/// the connection's peer address in <see cref="PeerAddress.Header"/>, as a real socket would carry it.
/// </summary>
public sealed class ProxiedFactory : ZhengzhaoFactory
{
    public const string TrustedProxy = "10.0.0.5";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["PublicPortal:RequestsPerMinute"] = "2",
        ["ForwardedHeaders:KnownProxies:0"] = TrustedProxy,
    };

    /// <summary>A client whose connections come from <paramref name="peer"/>, on plain HTTP to a public host name.</summary>
    public HttpClient From(string peer, string scheme = "http")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"{scheme}://zhengzhao.example") });
        client.DefaultRequestHeaders.Add(PeerAddress.Header, peer);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        PeerAddress.Enable(builder);
    }
}

/// <summary>
/// Behind the reverse proxy the limits count the client's real address, and nobody outside can choose the address
/// they are counted under; cookies travel over HTTPS only and browsers are told to stay on HTTPS.
/// </summary>
public sealed class ForwardedHeadersTests(ProxiedFactory factory) : IClassFixture<ProxiedFactory>
{
    private static readonly string Search = "/api/v1/public/enterprises?q=" + Uri.EscapeDataString("有限");

    [Fact]
    public async Task A_client_that_sends_its_own_forwarded_for_is_still_counted_under_its_own_address()
    {
        using var forger = factory.From("198.51.100.7");

        var answers = new List<HttpStatusCode>();
        foreach (var madeUp in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
        {
            answers.Add((await Get(forger, Search, madeUp)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task Behind_the_trusted_proxy_each_client_has_its_own_allowance()
    {
        using var proxy = factory.From(ProxiedFactory.TrustedProxy);

        var first = await Get(proxy, Search, "203.0.113.10");
        var second = await Get(proxy, Search, "203.0.113.10");
        var neighbour = await Get(proxy, Search, "203.0.113.11");
        var third = await Get(proxy, Search, "203.0.113.10");

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests),
            (first.StatusCode, second.StatusCode, neighbour.StatusCode, third.StatusCode));
    }

    [Fact]
    public async Task Cookies_are_marked_secure_outside_development_even_on_a_plain_http_request()
    {
        using var browser = factory.From("198.51.100.20");

        var login = await browser.GetAsync("/Account/Login");

        var antiforgery = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("zhengzhao.csrf=", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_secure_and_strict()
    {
        var userName = await factory.ReadyDemoAccountAsync(Roles.Approver);
        using var browser = factory.Anonymous();

        var login = await ZhengzhaoFactory.PostFormAsync(browser, "/Account/Login", new() { ["UserName"] = userName, ["Password"] = ZhengzhaoFactory.TestPassword });

        var session = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("zhengzhao.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=strict", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Https_forwarded_by_the_trusted_proxy_is_answered_with_hsts_and_a_forged_scheme_is_not()
    {
        using var proxy = factory.From(ProxiedFactory.TrustedProxy);
        using var outsider = factory.From("198.51.100.30");

        var throughProxy = await Get(proxy, "/", "203.0.113.40", proto: "https");
        var forged = await Get(outsider, "/", "203.0.113.41", proto: "https");

        Assert.StartsWith("max-age=", throughProxy.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.False(forged.Headers.Contains("Strict-Transport-Security"));
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string path, string forwardedFor, string? proto = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (proto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", proto);
        }

        return client.SendAsync(request);
    }
}
