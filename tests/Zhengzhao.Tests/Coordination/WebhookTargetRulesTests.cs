using System.Net;
using Zhengzhao.Coordination.Webhooks;

namespace Zhengzhao.Tests.Coordination;

public sealed class WebhookTargetRulesTests
{
    private static readonly IReadOnlyList<IPNetwork> NoneAllowed = [];

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("10.20.30.40")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456:789a::1")]
    [InlineData("100.64.0.1")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    public void The_platforms_own_machine_private_link_local_and_reserved_addresses_are_internal(string address)
    {
        Assert.True(WebhookTargetRules.IsInternal(IPAddress.Parse(address)));
        Assert.False(WebhookTargetRules.IsAllowed(IPAddress.Parse(address), NoneAllowed));
    }

    [Theory]
    [InlineData("202.98.224.68")]
    [InlineData("172.32.0.1")]
    [InlineData("172.15.255.255")]
    [InlineData("11.0.0.1")]
    [InlineData("2400:da00::6666")]
    [InlineData("::ffff:202.98.224.68")]
    public void A_public_address_may_be_reached(string address)
    {
        Assert.False(WebhookTargetRules.IsInternal(IPAddress.Parse(address)));
        Assert.True(WebhookTargetRules.IsAllowed(IPAddress.Parse(address), NoneAllowed));
        Assert.Null(WebhookTargetRules.RefusalFor("swt.xizang.gov.cn", IPAddress.Parse(address), NoneAllowed));
    }

    [Fact]
    public void A_network_the_operator_allowed_is_reachable_and_only_that_network()
    {
        var allowed = WebhookTargetRules.ParseNetworks(["10.20.0.0/16", " ", "192.168.5.9"]);

        Assert.True(WebhookTargetRules.IsAllowed(IPAddress.Parse("10.20.30.40"), allowed));
        Assert.True(WebhookTargetRules.IsAllowed(IPAddress.Parse("::ffff:10.20.30.40"), allowed));
        Assert.True(WebhookTargetRules.IsAllowed(IPAddress.Parse("192.168.5.9"), allowed));
        Assert.False(WebhookTargetRules.IsAllowed(IPAddress.Parse("192.168.5.10"), allowed));
        Assert.False(WebhookTargetRules.IsAllowed(IPAddress.Parse("10.21.0.1"), allowed));
        Assert.False(WebhookTargetRules.IsAllowed(IPAddress.Parse("169.254.169.254"), allowed));
    }

    [Fact]
    public void A_refusal_names_the_host_the_address_and_the_setting_that_would_allow_it()
    {
        var refusal = WebhookTargetRules.RefusalFor("hook.example.cn", IPAddress.Parse("::ffff:127.0.0.1"), NoneAllowed);

        Assert.NotNull(refusal);
        Assert.Contains("hook.example.cn", refusal, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", refusal, StringComparison.Ordinal);
        Assert.Contains("Webhooks:AllowedNetworks", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_network_that_is_not_a_network_is_an_error_at_start()
    {
        Assert.False(WebhookTargetRules.TryParseNetwork("department-lan", out _));
        Assert.Throws<FormatException>(() => WebhookTargetRules.ParseNetworks(["10.0.0.0/33"]));
    }
}
