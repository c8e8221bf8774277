using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Licensing.Verifications;
using Zhengzhao.Notifications;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Api.VerificationEndpoints;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;
using ApplicationView = Zhengzhao.Web.Api.LicensingEndpoints.ApplicationView;

namespace Zhengzhao.Web.Tests.Licensing;

/// <summary>
/// The check after a filing (SL-002, 对外贸易经营者备案, 商务厅 XZ-SWT, where the demo department admin works), and
/// the company's messages leaving by e-mail through the outbox.
/// </summary>
public sealed class VerificationTests(MailFactory factory) : IClassFixture<MailFactory>
{
    [Fact]
    public async Task A_filing_drawn_for_checking_is_queued_and_a_consistent_finding_closes_it_leaving_the_receipt_valid()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var commerce = await factory.BearerClientAsync(Roles.DepartmentAdmin);
        var filed = await (await FileAsync(applicant, new { itemCode = "SL-002", materials = await factory.RequiredMaterialsAsync(applicant, "SL-002") })).ReadAsAsync<ApplicationView>();
        var id = filed.Id;

        var queue = await (await commerce.GetAsync("/api/v1/licensing/verifications")).ReadAsAsync<WorklistView>();
        var task = Assert.Single(queue.Open, v => v.ItemCode == "SL-002");
        Assert.Equal(("Filing", new DateOnly(2026, 12, 24), false), (task.Kind, task.DueOn, task.Overdue));
        await (await applicant.GetAsync("/api/v1/licensing/verifications")).AssertProblemAsync(403);
        var stranger = await factory.NewBearerClientAsync("rst-approver", Roles.Approver, "XZ-RST", "540000");
        await (await stranger.PostAsJsonAsync($"/api/v1/licensing/verifications/{task.Id}/conclusion", new { outcome = "False", findings = "无权" })).AssertProblemAsync(404);
        await (await commerce.PostAsJsonAsync($"/api/v1/licensing/verifications/{task.Id}/conclusion", new { outcome = "Maybe", findings = "?" })).AssertProblemAsync(400);

        var photo = await UploadAsync(commerce, "核查照片.pdf", uscc: AccountSeeder.DemoEnterprise.Value);
        var done = await (await commerce.PostAsJsonAsync($"/api/v1/licensing/verifications/{task.Id}/conclusion", new { outcome = "Consistent", findings = "经营场所、进出口经营范围与备案一致", attachments = new[] { photo } })).ReadAsAsync<VerificationView>();

        Assert.Equal(("Consistent", "demo-departmentadmin"), (done.Outcome, done.CheckedBy));
        Assert.Equal(PermitStatus.Valid, await factory.WithDbAsync(db => db.Permits.Where(p => p.ApplicationId == id).Select(p => p.Status).SingleAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.CommitmentBreaches.CountAsync(b => b.ApplicationId == id)));
        var browser = await factory.CookieClientAsync(Roles.DepartmentAdmin);
        Assert.Contains("备案后核查", await browser.GetStringAsync("/Licensing/Verifications"), StringComparison.Ordinal);
        Assert.Contains("经营场所、进出口经营范围与备案一致", await browser.GetStringAsync($"/Licensing/Verifications/{task.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_conclusion_posted_to_the_page_is_refused_and_the_verification_stays_open()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        // SL-003 (再生资源回收经营者备案, also 商务厅): the other test reads the queue's one SL-002 check.
        var filed = await (await FileAsync(applicant, new { itemCode = "SL-003", materials = await factory.RequiredMaterialsAsync(applicant, "SL-003") })).ReadAsAsync<ApplicationView>();
        var id = await factory.WithDbAsync(db => db.Verifications.Where(v => v.ApplicationId == filed.Id).Select(v => v.Id).SingleAsync());
        var browser = await factory.CookieClientAsync(Roles.DepartmentAdmin);

        var response = await ZhengzhaoFactory.PostFormAsync(browser, $"/Licensing/Verifications/{id}", new() { ["outcome"] = "Bogus", ["findings"] = "伪造的结论" });

        Assert.Contains("请选择核查结论", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.Verifications.Where(v => v.Id == id).Select(v => v.Outcome).SingleAsync()));
    }

    [Fact]
    public async Task The_companys_messages_leave_by_e_mail_once_and_a_mailbox_without_an_address_is_given_up()
    {
        await factory.ReadyDemoAccountAsync(Roles.Applicant);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = await users.FindByNameAsync(AccountSeeder.DemoUserName(Roles.Applicant));
            await users.SetEmailAsync(user!, "zhaxi@example.cn");
        }

        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var filed = await (await FileAsync(applicant, new { itemCode = "SL-014", materials = await factory.RequiredMaterialsAsync(applicant, "SL-014") })).ReadAsAsync<ApplicationView>();
        var id = filed.Id;
        await ActAsync(clerk, id, "accept");
        await factory.NewBearerClientAsync("swt-officer-without-mail", Roles.Approver, "XZ-SYJ", "540000");
        await ActAsync(clerk, id, "hand-over", new { to = "swt-officer-without-mail" });

        // Two instances send at once: each row is claimed by one of them and tried once.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => factory.WithUseCaseAsync<NotificationDispatcher, int>(d => d.SendDueAsync())));

        var rows = await factory.WithDbAsync(db => db.MessageDispatches.ToListAsync());
        Assert.All(rows, n => Assert.Equal((NotificationChannel.Email, 1), (n.Channel, n.Attempts)));
        var subject = $"{filed.Number}：已提交";
        Assert.NotNull(Assert.Single(rows, n => n.Subject == subject).SentAt);
        var mails = Directory.GetFiles(factory.Pickup, "*.eml").Select(File.ReadAllText).ToList();
        Assert.Equal(rows.Count(n => n.SentAt != null), mails.Count);
        Assert.Equal(rows.Count(n => n.Mailbox == Mailboxes.Company(AccountSeeder.DemoEnterprise.Value) && n.SentAt != null), mails.Count(m => m.Contains("To: zhaxi@example.cn", StringComparison.Ordinal)));
        var handedTo = Assert.Single(rows, n => n.Mailbox == "user:swt-officer-without-mail");
        Assert.Equal(("收件人没有登记电子邮箱。", true), (handedTo.LastError, handedTo.AbandonedAt is not null));
    }
}

/// <summary>The platform with the e-mail channel on, dropping mail in a pickup folder as a relay would collect it.</summary>
public sealed class MailFactory : ZhengzhaoFactory
{
    public string Pickup { get; } = Directory.CreateTempSubdirectory("zhengzhao-mail-").FullName;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Notifications:Channels:0"] = "Email",
        ["Notifications:Smtp:PickupDirectory"] = Pickup,
    };
}
