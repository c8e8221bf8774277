using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Platform;

/// <summary>The platform behind a real Kestrel server, whose own limits the in-process test server does not have.</summary>
public sealed class KestrelFactory : ZhengzhaoFactory
{
    public KestrelFactory() => UseKestrel(0);

    /// <summary>A client of the real server, at the port it was given.</summary>
    public HttpClient KestrelClient()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        // The client waits for the server's go-ahead before sending a body (Expect: 100-continue) as long as it takes on a busy machine.
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, Expect100ContinueTimeout = TimeSpan.FromMinutes(2) })
        {
            BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)),
        };
    }
}

/// <summary>What a request the server itself refuses gets back.</summary>
public sealed class ServerRejectionTests(KestrelFactory factory) : IClassFixture<KestrelFactory>
{
    [Fact]
    public async Task A_body_over_the_server_limit_is_413_with_a_Chinese_title()
    {
        // Kestrel's default limit is 30,000,000 bytes; the body is refused when the endpoint starts to read it.
        using var content = new ByteArrayContent(new byte[31_000_000]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/identity/token") { Content = content };
        request.Headers.ExpectContinue = true;

        var problem = await (await factory.KestrelClient().SendAsync(request)).AssertProblemAsync(413);

        Assert.Equal("请求内容过大", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_NUL_in_the_path_is_refused_by_the_server_before_the_application()
    {
        // Kestrel refuses a decoded NUL in the path itself with a bare 400: no middleware sees the request.
        var response = await factory.KestrelClient().GetAsync("/api/v1/no%00such");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentType);
    }

    [Fact]
    public async Task An_over_long_address_is_refused_by_the_server_before_the_application()
    {
        // Kestrel answers a request line over its limit (8 KB) with a bare 414 and closes the connection: no middleware
        // sees it, so there is no problem body to give (the same for headers over 32 KB: 431).
        var response = await factory.KestrelClient().GetAsync("/api/v1/uscc/" + new string('A', 10_000));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }
}
