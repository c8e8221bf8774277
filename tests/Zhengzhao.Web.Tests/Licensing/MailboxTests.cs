using System.Net;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Api.MessageEndpoints;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;
using ApplicationView = Zhengzhao.Web.Api.LicensingEndpoints.ApplicationView;
using OverviewView = Zhengzhao.Web.Api.LicensingEndpoints.OverviewView;

namespace Zhengzhao.Web.Tests.Licensing;

/// <summary>What officers and applicants are told, and the head's hand-over of a matter (SL-014, XZ-SYJ).</summary>
public sealed class MailboxTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task The_head_hands_a_matter_to_another_officer_who_is_told_and_the_hand_over_is_on_record()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        await factory.NewBearerClientAsync("syj-officer", Roles.Approver, "XZ-SYJ", "540000");
        var head = await factory.NewBearerClientAsync("syj-chief", Roles.Approver, "XZ-SYJ", "540000", departmentHead: true);
        var id = (await (await FileAsync(applicant, new { itemCode = "SL-014", materials = await factory.RequiredMaterialsAsync(applicant, "SL-014") })).ReadAsAsync<ApplicationView>()).Id;
        await ActAsync(clerk, id, "accept");

        var handed = (await ActAsync(head, id, "hand-over", new { to = "syj-officer" })).As<ApplicationView>();
        await ActAsync(clerk, id, "hand-over", new { to = "demo-windowclerk" }, HttpStatusCode.Forbidden);

        Assert.Equal("syj-officer", handed.Owner);
        var told = await factory.WithDbAsync(db => db.Messages.Where(m => m.Mailbox == "user:syj-officer").Select(m => m.Subject).ToListAsync());
        Assert.Contains(told, s => s.StartsWith("交办", StringComparison.Ordinal));
        var overview = await (await head.GetAsync("/api/v1/licensing/overview")).ReadAsAsync<OverviewView>();
        Assert.Contains(overview.HandOvers, h => h.ApplicationId == id && h.By == "syj-chief");
    }

    [Fact]
    public async Task The_applicant_is_told_of_every_step_in_its_mailbox_and_reads_only_its_own()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var filed = await (await FileAsync(applicant, new { itemCode = "SL-014", materials = await factory.RequiredMaterialsAsync(applicant, "SL-014") })).ReadAsAsync<ApplicationView>();
        var number = filed.Number!;
        await ActAsync(clerk, filed.Id, "supplement", new { items = new[] { new { material = "营业执照", problem = "已过期" } } });

        var inbox = await (await applicant.GetAsync("/api/v1/messages")).ReadAsAsync<InboxView>();
        var mine = inbox.Messages.Where(m => m.Subject.StartsWith(number, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"{number}：待补正", $"{number}：已提交"], mine.Select(m => m.Subject));
        Assert.Contains("营业执照（已过期）", mine[0].Body, StringComparison.Ordinal);

        var read = await (await applicant.PostAsync($"/api/v1/messages/{mine[0].Id}/read", null)).ReadAsAsync<MessageView>();
        Assert.NotNull(read.ReadAt);
        Assert.Equal(inbox.Unread - 1, (await (await applicant.GetAsync("/api/v1/messages")).ReadAsAsync<InboxView>()).Unread);
        await (await clerk.PostAsync($"/api/v1/messages/{mine[1].Id}/read", null)).AssertProblemAsync(404);
        var page = await (await factory.CookieClientAsync(Roles.Applicant)).GetStringAsync("/Messages");
        Assert.Contains($"{number}：已提交", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_application_kept_from_before_the_due_date_column_is_dated_by_the_first_sweep()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var id = (await (await FileAsync(applicant, new { itemCode = "SL-014", materials = await factory.RequiredMaterialsAsync(applicant, "SL-014") })).ReadAsAsync<ApplicationView>()).Id;
        var dueOn = (await ActAsync(clerk, id, "accept")).As<ApplicationView>().DueOn;
        await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.DueOn, (DateOnly?)null)));

        var later = await factory.WithUseCaseAsync<LicensingSweep, LicensingSweep.Outcome>(s => s.RunAsync());
        var first = await factory.WithUseCaseAsync<LicensingSweep, LicensingSweep.Outcome>(s => s.RunAsync(backfill: true));

        Assert.Equal(0, later.Rescheduled);
        Assert.True(first.Rescheduled >= 1);
        Assert.Equal(dueOn, await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.DueOn).SingleAsync()));
    }
}
