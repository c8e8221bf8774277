using System.Net;
using System.Net.Sockets;

namespace Zhengzhao.Coordination.Webhooks;

/// <summary>
/// Which addresses a webhook may reach (ADR 27). A department's system lives on the internet or on a network the
/// operator names; the platform's own machine, its private networks and the cloud metadata service do not, because a
/// department admin who could point a signed POST there could probe or drive what sits behind the firewall.
/// </summary>
public static class WebhookTargetRules
{
    // Loopback, private, link-local (the metadata service at 169.254.169.254), carrier-grade NAT, "this network",
    // benchmarking, multicast and reserved: none is a department's public system.
    private static readonly IPNetwork[] InternalNetworks =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    // IPv6 forms that carry an IPv4 address inside: IPv4-compatible (::a.b.c.d) and the NAT64 prefix.
    private static readonly IPNetwork[] EmbeddingIpv4 = [IPNetwork.Parse("::/96"), IPNetwork.Parse("64:ff9b::/96")];

    /// <summary>
    /// The address as the network sees it: an IPv6 address that carries an IPv4 one (mapped, compatible, NAT64) is
    /// that IPv4 address, so <c>::ffff:127.0.0.1</c> is loopback like <c>127.0.0.1</c>.
    /// </summary>
    public static IPAddress Canonical(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && !address.Equals(IPAddress.IPv6Any) && !address.Equals(IPAddress.IPv6Loopback)
            && EmbeddingIpv4.Any(n => n.Contains(address)))
        {
            return new IPAddress(address.GetAddressBytes()[12..]);
        }

        return address;
    }

    /// <summary>Whether the address is the platform's own machine or a private, link-local or reserved network.</summary>
    public static bool IsInternal(IPAddress address)
    {
        var canonical = Canonical(address);
        return InternalNetworks.Any(n => n.BaseAddress.AddressFamily == canonical.AddressFamily && n.Contains(canonical));
    }

    /// <summary>Whether a webhook may reach the address: a public one, or one in a network the operator allowed.</summary>
    public static bool IsAllowed(IPAddress address, IReadOnlyCollection<IPNetwork> allowedNetworks)
    {
        ArgumentNullException.ThrowIfNull(allowedNetworks);
        var canonical = Canonical(address);
        return !IsInternal(canonical) || allowedNetworks.Any(n => n.BaseAddress.AddressFamily == canonical.AddressFamily && n.Contains(canonical));
    }

    /// <summary>The networks as configured: each a CIDR (<c>10.20.0.0/16</c>) or a single address; empty entries are skipped.</summary>
    public static IReadOnlyList<IPNetwork> ParseNetworks(IEnumerable<string?> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return [.. entries.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => TryParseNetwork(e!, out var network)
            ? network
            : throw new FormatException($"Webhooks:AllowedNetworks: '{e}' is neither a CIDR network nor an IP address."))];
    }

    /// <summary>A CIDR network, or a single address as the network of just that address.</summary>
    public static bool TryParseNetwork(string entry, out IPNetwork network)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (IPNetwork.TryParse(entry.Trim(), out network))
        {
            return true;
        }

        if (IPAddress.TryParse(entry.Trim(), out var single))
        {
            var canonical = Canonical(single);
            network = new IPNetwork(canonical, canonical.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return false;
    }

    /// <summary>Why the platform will not post to the address, in Chinese, or null when it may.</summary>
    public static string? RefusalFor(string host, IPAddress address, IReadOnlyCollection<IPNetwork> allowedNetworks) =>
        IsAllowed(address, allowedNetworks)
            ? null
            : $"接收地址 {host} 指向本机、内网或保留地址（{Canonical(address)}），平台不向其投递；如确为部门内网系统，请运维人员在配置 Webhooks:AllowedNetworks 中登记该网段。";
}
