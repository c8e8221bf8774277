using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Coordination.Webhooks;
using Zhengzhao.Identity;
using Zhengzhao.Registry;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Api.WebhookEndpoints;
using static Zhengzhao.Web.Tests.Registry.RegistryApi;

namespace Zhengzhao.Web.Tests.Coordination;

/// <summary>
/// The outbound webhook: each push reaches a department's own system, signed, retried with back-off, dead-lettered
/// after the last attempt and re-sendable. Deliveries go to a real HTTP receiver; passes are driven by the test.
/// </summary>
public sealed class WebhookTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    /// <summary>The demo department admin's department (商务厅).</summary>
    private const string OwnDepartment = "XZ-SWT";

    private static readonly Actor Admin = new("demo-departmentadmin");

    [Fact]
    public async Task A_registration_queues_its_push_for_a_department_with_an_endpoint_and_a_pass_delivers_it_signed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await ConnectAsync("XZ-XWGD", receiver);
        var registrar = await factory.BearerClientAsync(Roles.Regulator);
        var code = Uscc.Compose('9', '1', "540172", "MA6TWH01").Value;

        var registered = await registrar.PostAsJsonAsync("/api/v1/registry/registrations", Registration(code, "wh-1"));

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var push = await factory.WithDbAsync(db => db.Pushes.SingleAsync(p => p.Uscc == code && p.DepartmentCode == "XZ-XWGD"));
        var queued = await factory.WithDbAsync(db => db.OutboundMessages.Where(m => m.Payload.Contains(code)).ToListAsync());
        var message = Assert.Single(queued); // 食品销售 went to XZ-SYJ too, which has no endpoint
        Assert.Equal(("XZ-XWGD", "push.created", DeliveryState.Pending), (message.DepartmentCode, message.EventType, message.State));

        await PassAsync();

        var delivery = Assert.Single(receiver.Of(message.Id));
        Assert.True(delivery.SignatureValid);
        Assert.Equal("push.created", delivery.Event);
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeSeconds(), delivery.Timestamp);
        var data = JsonDocument.Parse(delivery.Body).RootElement.GetProperty("data");
        Assert.Equal(push.Id.ToString(), data.GetProperty("pushId").GetString());
        Assert.Equal(code, data.GetProperty("uscc").GetString());
        Assert.Equal("拉萨推送测试有限公司", data.GetProperty("companyName").GetString());
        Assert.Equal(("540172", "XZ2018-S01", "StrictAccess", "2026-11-26", "wh-1"), (data.GetProperty("regionCode").GetString(), data.GetProperty("itemCode").GetString(), data.GetProperty("mode").GetString(), data.GetProperty("pushedOn").GetString(), data.GetProperty("eventId").GetString()));
        Assert.Contains("电影发行", data.GetProperty("itemName").GetString(), StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Delivered, (await Find(message.Id)).State);

        await PassAsync();
        Assert.Single(receiver.Of(message.Id));
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_on_the_back_off_schedule_then_dead_and_a_resend_delivers_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await ConnectAsync(OwnDepartment, receiver);
        receiver.Status = 500;
        var id = await EnqueueAsync(OwnDepartment);

        await PassAsync();
        for (var failures = 1; failures < 8; failures++)
        {
            var wait = WebhookRetry.Delay(failures, jitter: 0);
            factory.Clock.Advance(wait - TimeSpan.FromSeconds(1));
            await PassAsync();
            Assert.Equal(failures, receiver.Of(id).Count);

            factory.Clock.Advance(wait * WebhookRetry.MaxJitter + TimeSpan.FromSeconds(1));
            await PassAsync();
            Assert.Equal(failures + 1, receiver.Of(id).Count);
        }

        var dead = await Find(id);
        Assert.Equal((DeliveryState.Dead, 8, 500), (dead.State, dead.Attempts, dead.LastStatus));
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await PassAsync();
        Assert.Equal(8, receiver.Of(id).Count);

        var admin = await factory.CookieClientAsync(Roles.DepartmentAdmin);
        var page = await admin.GetStringAsync("/Coordination/Deliveries");
        Assert.Contains(id.ToString(), page, StringComparison.Ordinal);
        Assert.Contains("死信", page, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", page, StringComparison.Ordinal);

        receiver.Status = 200;
        var resent = await ZhengzhaoFactory.PostFormAsync(admin, "/Coordination/Deliveries?handler=Resend", new() { ["id"] = id.ToString() }, formPage: "/Coordination/Deliveries");
        Assert.Contains("已重新发送", await resent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await PassAsync();

        Assert.Equal(9, receiver.Of(id).Count);
        Assert.All(receiver.Of(id), d => Assert.True(d.SignatureValid));
        Assert.Equal(DeliveryState.Delivered, (await Find(id)).State);
        Assert.DoesNotContain(id.ToString(), await admin.GetStringAsync("/Coordination/Deliveries"), StringComparison.Ordinal);
        var audited = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == id.ToString()).Select(e => new { e.Action, e.Actor }).ToListAsync());
        Assert.Equal([("coordination.webhook-dead", "system"), ("coordination.webhook-resent", "demo-departmentadmin")], audited.Select(a => (a.Action, a.Actor)));
    }

    [Fact]
    public async Task A_redirect_is_a_failed_attempt_and_is_not_followed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await ConnectAsync("XZ-AJJ", receiver);
        receiver.Status = 307;
        var id = await EnqueueAsync("XZ-AJJ");

        await PassAsync();

        Assert.Single(receiver.Of(id));
        var failed = await Find(id);
        Assert.Equal((DeliveryState.Failing, 307), (failed.State, failed.LastStatus));
        Assert.Contains("不跟随重定向", failed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_dispatchers_passing_at_once_deliver_each_message_exactly_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await ConnectAsync("XZ-RST", receiver);
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await EnqueueAsync("XZ-RST"));
        }

        await Task.WhenAll(PassAsync(), PassAsync());

        Assert.Equal(ids.Order(), receiver.Deliveries.Select(d => Guid.Parse(d.Id)).Order());
        Assert.All(receiver.Deliveries, d => Assert.True(d.SignatureValid));
        Assert.Equal(20, await factory.WithDbAsync(db => db.OutboundMessages.CountAsync(m => ids.Contains(m.Id) && m.DeliveredAt != null && m.Attempts == 1)));
    }

    [Fact]
    public async Task A_department_admin_sees_and_resends_only_its_own_departments_dead_letters()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await ConnectAsync(OwnDepartment, receiver);
        await ConnectAsync("XZ-JTT", receiver);
        var own = await DeadLetterAsync(OwnDepartment);
        var foreign = await DeadLetterAsync("XZ-JTT");

        var page = await (await factory.CookieClientAsync(Roles.DepartmentAdmin)).GetStringAsync("/Coordination/Deliveries");
        Assert.Contains(own.ToString(), page, StringComparison.Ordinal);
        Assert.DoesNotContain(foreign.ToString(), page, StringComparison.Ordinal);

        var everything = await (await factory.CookieClientAsync(Roles.Administrator)).GetStringAsync("/Coordination/Deliveries");
        Assert.Contains(own.ToString(), everything, StringComparison.Ordinal);
        Assert.Contains(foreign.ToString(), everything, StringComparison.Ordinal);

        var api = await factory.BearerClientAsync(Roles.DepartmentAdmin);
        var listed = await (await api.GetAsync("/api/v1/coordination/webhook-deliveries")).ReadAsAsync<DeliveryView[]>();
        Assert.Contains(listed, m => m.Id == own && m.State == "Dead");
        Assert.All(listed, m => Assert.Equal(OwnDepartment, m.Department));
        await (await api.PostAsync($"/api/v1/coordination/webhook-deliveries/{foreign}/resend", null)).AssertProblemAsync(404);

        var resent = await (await api.PostAsync("/api/v1/coordination/webhook-deliveries/resend-dead", null)).ReadAsAsync<Resent>();
        Assert.True(resent.Count >= 1);
        Assert.Equal(DeliveryState.Pending, (await Find(own)).State);
        Assert.Equal(DeliveryState.Dead, (await Find(foreign)).State);
    }

    [Fact]
    public async Task A_department_admin_sets_its_address_sees_the_secret_once_and_it_is_kept_only_encrypted()
    {
        var admin = await factory.CookieClientAsync(Roles.DepartmentAdmin);

        var saved = await ZhengzhaoFactory.PostFormAsync(admin, "/Coordination/Webhook?handler=Save", new() { ["Address"] = "https://swt.xizang.gov.cn/zhengzhao/hook" }, formPage: "/Coordination/Webhook");
        var rotated = await ZhengzhaoFactory.PostFormAsync(admin, "/Coordination/Webhook?handler=Rotate", [], formPage: "/Coordination/Webhook");

        var secret = SecretOn(await rotated.Content.ReadAsStringAsync());
        Assert.Contains("已保存并启用", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var again = await admin.GetStringAsync("/Coordination/Webhook");
        Assert.Contains("https://swt.xizang.gov.cn/zhengzhao/hook", again, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, again, StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.WebhookEndpoints.SingleAsync(e => e.DepartmentCode == OwnDepartment));
        Assert.DoesNotContain(secret, stored.SecretProtected, StringComparison.Ordinal);
        Assert.Equal(("demo-departmentadmin", true), (stored.SetBy, stored.IsActive));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Summary.Contains(secret))));

        var disabled = await ZhengzhaoFactory.PostFormAsync(admin, "/Coordination/Webhook?handler=Disable", [], formPage: "/Coordination/Webhook");
        Assert.Contains("已停用", await disabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(async db => await Outbox.EnqueueAsync(db, OwnDepartment, "test.event", new { }, factory.Clock)));
    }

    [Fact]
    public async Task An_address_that_is_not_http_or_https_is_refused_in_chinese_on_the_page_and_as_a_problem_on_the_api()
    {
        var page = await ZhengzhaoFactory.PostFormAsync(await factory.CookieClientAsync(Roles.DepartmentAdmin), "/Coordination/Webhook?handler=Save", new() { ["Address"] = "ftp://swt.xizang.gov.cn/hook" }, formPage: "/Coordination/Webhook");
        Assert.Contains("接收地址只能以 http:// 或 https:// 开头", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var api = await factory.BearerClientAsync(Roles.DepartmentAdmin);
        var problem = await (await api.PutAsJsonAsync("/api/v1/coordination/webhook", new { url = "javascript:alert(1)" })).AssertProblemAsync(400);
        Assert.Equal("/problems/coordination/webhook-invalid-url", problem.GetProperty("type").GetString());
        Assert.Contains("http:// 或 https://", problem.GetProperty("errors").GetProperty("url")[0].GetString(), StringComparison.Ordinal);

        var set = await (await api.PutAsJsonAsync("/api/v1/coordination/webhook", new { url = "http://202.98.224.68:8080/hook" })).ReadAsAsync<EndpointView>();
        Assert.Equal("http://202.98.224.68:8080/hook", set.Url);
        var shown = await (await api.GetAsync("/api/v1/coordination/webhook")).ReadAsAsync<EndpointView>();
        Assert.Null(shown.Secret);
    }

    /// <summary>Points the department's endpoint at the receiver and gives the receiver a fresh secret.</summary>
    private async Task ConnectAsync(string department, WebhookReceiver receiver)
    {
        await factory.WithUseCaseAsync<ManageWebhook, Result<ManageWebhook.Saved>>(m => m.SetUrlAsync(department, receiver.Url.AbsoluteUri, Admin));
        var rotated = await factory.WithUseCaseAsync<ManageWebhook, Result<ManageWebhook.Saved>>(m => m.RotateSecretAsync(department, Admin));
        receiver.Secret = rotated.Value!.NewSecret!;
    }

    private Task<Guid> EnqueueAsync(string department) => factory.WithDbAsync(async db =>
    {
        var message = await Outbox.EnqueueAsync(db, department, "test.event", new { note = "测试" }, factory.Clock);
        await db.SaveChangesAsync();
        return message!.Id;
    });

    /// <summary>A message that failed its only attempt: dead at once.</summary>
    private Task<Guid> DeadLetterAsync(string department) => factory.WithDbAsync(async db =>
    {
        var message = await Outbox.EnqueueAsync(db, department, "test.event", new { }, factory.Clock);
        message!.Failed(503, "HTTP 503：维护中", factory.Clock.GetUtcNow().UtcDateTime, maxAttempts: 1, jitter: 0);
        await db.SaveChangesAsync();
        return message.Id;
    });

    private Task<int> PassAsync() => factory.WithUseCaseAsync<WebhookDispatcher, int>(d => d.DeliverDueAsync());

    private Task<OutboundMessage> Find(Guid id) => factory.WithDbAsync(db => db.OutboundMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    private static string SecretOn(string page)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"new-secret\">([0-9a-f]{64})<");
        Assert.True(match.Success, "The new secret is shown once");
        return match.Groups[1].Value;
    }
}

/// <summary>An installation with the background dispatcher on, as in production, polling every second of its clock.</summary>
public sealed class DispatchingFactory : ZhengzhaoFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Webhooks:Enabled"] = "true",
        ["Webhooks:PollSeconds"] = "1",
    };
}

public sealed class WebhookDispatcherServiceTests(DispatchingFactory factory) : IClassFixture<DispatchingFactory>
{
    [Fact]
    public async Task The_background_dispatcher_delivers_what_is_queued_at_its_next_poll()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var saved = await factory.WithUseCaseAsync<ManageWebhook, Result<ManageWebhook.Saved>>(m => m.SetUrlAsync("XZ-SWT", receiver.Url.AbsoluteUri, new("demo-departmentadmin")));
        receiver.Secret = saved.Value!.NewSecret!;
        var id = await factory.WithDbAsync(async db =>
        {
            var message = await Outbox.EnqueueAsync(db, "XZ-SWT", "test.event", new { }, factory.Clock);
            await db.SaveChangesAsync();
            return message!.Id;
        });

        // The poll runs on the platform's clock: advancing it is what lets the next pass start.
        for (var tick = 0; tick < 100 && receiver.Of(id).Count == 0; tick++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100);
        }

        var delivery = Assert.Single(receiver.Of(id));
        Assert.True(delivery.SignatureValid);
    }
}
