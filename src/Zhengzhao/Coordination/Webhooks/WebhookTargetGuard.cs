using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Zhengzhao.Coordination.Webhooks;

/// <summary>A delivery the platform would not make: the address is internal, or plain http where https is required.</summary>
public sealed class WebhookTargetRefusedException(string reason) : Exception(reason);

/// <summary>
/// Applies <see cref="WebhookTargetRules"/> where addresses become real: when an address is set (the names it
/// resolves to now), and when a delivery connects (the names it resolves to then, each checked, and the connection made
/// to the checked address itself), so that a name re-pointed after set-up at an internal address is still refused.
/// </summary>
public sealed class WebhookTargetGuard
{
    /// <summary>A name that cannot be resolved within this time at set-up is accepted; delivery checks it again.</summary>
    private static readonly TimeSpan SetUpResolution = TimeSpan.FromSeconds(3);

    private readonly IReadOnlyList<IPNetwork> _allowed;
    private readonly bool _requireHttps;

    public WebhookTargetGuard(IOptions<WebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _allowed = WebhookTargetRules.ParseNetworks(options.Value.AllowedNetworks);
        _requireHttps = options.Value.RequireHttps;
    }

    /// <summary>Why the address's host may not be set (it is or resolves to an internal address), in Chinese, or null.</summary>
    public async Task<string?> AddressRefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        IPAddress[] addresses;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(SetUpResolution);
            try
            {
                addresses = await ResolveAsync(url.IdnHost, timeout.Token);
            }
            catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return null;
            }
        }

        return addresses.Select(a => WebhookTargetRules.RefusalFor(url.Host, a, _allowed)).FirstOrDefault(r => r is not null);
    }

    /// <summary>Why the address's scheme is not allowed here (http where https is required), in Chinese, or null.</summary>
    public string? SchemeRefusal(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return _requireHttps && url.Scheme != Uri.UriSchemeHttps ? "接收地址必须以 https:// 开头：事件含企业信息，只能加密传输。" : null;
    }

    /// <summary>
    /// The connect step of the webhook client: resolves the host, refuses if any address it gave is not allowed (an
    /// answer that mixes a public and an internal address is a rebinding attempt), and connects to a checked address.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = await ResolveAsync(host, cancellationToken);
        if (addresses.Select(a => WebhookTargetRules.RefusalFor(host, a, _allowed)).FirstOrDefault(r => r is not null) is { } refusal)
        {
            throw new WebhookTargetRefusedException(refusal);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
}
