using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Coordination.Webhooks;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;
using EndpointView = Zhengzhao.Web.Api.WebhookEndpoints.EndpointView;

namespace Zhengzhao.Web.Tests.Coordination;

/// <summary>A production-like installation: no internal network allowed for webhooks, and https required.</summary>
public sealed class StrictWebhookFactory : ZhengzhaoFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Webhooks:AllowedNetworks:0"] = string.Empty,
        ["Webhooks:RequireHttps"] = "true",
    };
}

/// <summary>
/// Webhooks never reach the platform's own machine or an internal network the operator has not listed: neither when
/// the address is set nor when a name that passed at set-up resolves to such an address at delivery (ADR 27).
/// </summary>
public sealed class WebhookTargetTests(StrictWebhookFactory factory) : IClassFixture<StrictWebhookFactory>
{
    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost:8443/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[::ffff:127.0.0.1]/hook")]
    [InlineData("https://10.20.30.40:8080/hook")]
    [InlineData("https://172.16.5.4/hook")]
    [InlineData("https://192.168.1.10/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://[fd00::5]/hook")]
    [InlineData("https://0.0.0.0/hook")]
    public async Task An_internal_address_is_refused_in_chinese_when_set(string url)
    {
        var api = await factory.BearerClientAsync(Roles.DepartmentAdmin);

        var problem = await (await api.PutAsJsonAsync("/api/v1/coordination/webhook", new { url })).AssertProblemAsync(400);

        Assert.Equal("/problems/coordination/webhook-internal-address", problem.GetProperty("type").GetString());
        Assert.Contains("内网", problem.GetProperty("errors").GetProperty("url")[0].GetString(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.WebhookEndpoints.AnyAsync(e => e.Url == new Uri(url).AbsoluteUri)));
    }

    [Fact]
    public async Task Plain_http_is_refused_outside_development_and_the_page_says_why()
    {
        var admin = await factory.CookieClientAsync(Roles.DepartmentAdmin);

        var page = await ZhengzhaoFactory.PostFormAsync(admin, "/Coordination/Webhook?handler=Save", new() { ["Address"] = "http://202.98.224.68/hook" }, formPage: "/Coordination/Webhook");

        Assert.Contains("接收地址必须以 https:// 开头", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_https_address_is_accepted()
    {
        var api = await factory.BearerClientAsync(Roles.DepartmentAdmin);

        var set = await (await api.PutAsJsonAsync("/api/v1/coordination/webhook", new { url = "https://202.98.224.68/zhengzhao/hook" })).ReadAsAsync<EndpointView>();

        Assert.Equal("https://202.98.224.68/zhengzhao/hook", set.Url);
    }

    [Fact]
    public async Task A_name_that_resolves_to_the_loopback_at_delivery_is_refused_recorded_as_failed_and_not_retried()
    {
        // As if the name had pointed at a public address when set, and its owner re-pointed it since. The refusal comes
        // at connect time, before any TLS, so the receiver listening in plain http makes no difference.
        await using var receiver = await WebhookReceiver.StartAsync();
        var sneaky = new UriBuilder(receiver.Url) { Scheme = "https", Host = "localhost" }.Uri;
        var id = await factory.WithDbAsync(async db =>
        {
            db.WebhookEndpoints.Add(new WebhookEndpoint("XZ-JTT", sneaky, "unused", "demo-departmentadmin", factory.Clock.GetUtcNow().UtcDateTime));
            await db.SaveArrangedAsync(factory.Clock);
            await factory.WithUseCaseAsync<ManageWebhook, Result<ManageWebhook.Saved>>(m => m.RotateSecretAsync("XZ-JTT", new("demo-departmentadmin")));
            var message = await Outbox.EnqueueAsync(db, "XZ-JTT", "test.event", new { note = "测试" }, factory.Clock);
            await db.SaveChangesAsync();
            return message!.Id;
        });

        await factory.WithUseCaseAsync<WebhookDispatcher, int>(d => d.DeliverDueAsync());

        Assert.Empty(receiver.Deliveries);
        var message = await factory.WithDbAsync(db => db.OutboundMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal((DeliveryState.Dead, 1, (int?)null), (message.State, message.Attempts, message.LastStatus));
        Assert.Contains("localhost", message.LastError, StringComparison.Ordinal);
        Assert.Contains("Webhooks:AllowedNetworks", message.LastError, StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromHours(2));
        await factory.WithUseCaseAsync<WebhookDispatcher, int>(d => d.DeliverDueAsync());
        Assert.Empty(receiver.Deliveries);
    }
}
