using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Zhengzhao.Web.Tests.Infrastructure;

/// <summary>
/// A department's system as the platform meets it: a real Kestrel server on 127.0.0.1 that checks each delivery's
/// signature the way operations.md tells a department to (its own HMAC code, not the platform's) and records it.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Delivery(string Id, string Event, long Timestamp, bool SignatureValid, string Body);

    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app)
    {
        _app = app;
    }

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    /// <summary>The status it answers with: 200 while it is well, 500 to play a broken system, 3xx to redirect.</summary>
    public int Status { get; set; } = StatusCodes.Status200OK;

    public string Secret { get; set; } = string.Empty;

    public Uri Url { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build());
        receiver._app.MapPost("/zhengzhao/hook", receiver.ReceiveAsync);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver.Url = new Uri(new Uri(address), "/zhengzhao/hook");
        return receiver;
    }

    public IReadOnlyList<Delivery> Of(Guid messageId) => Deliveries.Where(d => d.Id == messageId.ToString()).ToList();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var timestamp = long.Parse(request.Headers["X-Zhengzhao-Timestamp"].ToString(), CultureInfo.InvariantCulture);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        var valid = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(request.Headers["X-Zhengzhao-Signature"].ToString()));
        Deliveries.Enqueue(new(request.Headers["X-Zhengzhao-Delivery"].ToString(), request.Headers["X-Zhengzhao-Event"].ToString(), timestamp, valid, body));
        if (Status is >= 300 and < 400)
        {
            // Back to itself: a client that followed redirects would be recorded twice.
            request.HttpContext.Response.Headers.Location = request.Path.Value;
        }

        return Results.StatusCode(Status);
    }
}
