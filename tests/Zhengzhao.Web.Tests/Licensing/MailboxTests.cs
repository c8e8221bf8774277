using System.Net;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;

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
        var id = (await (await FileAsync(applicant, new { itemCode = "SL-014", materials = await factory.RequiredMaterialsAsync(applicant, "SL-014") })).ReadJsonAsync()).GetProperty("id").GetGuid();
        await ActAsync(clerk, id, "accept");

        var handed = await ActAsync(head, id, "hand-over", new { to = "syj-officer" });
        await ActAsync(clerk, id, "hand-over", new { to = "demo-windowclerk" }, HttpStatusCode.Forbidden);

        Assert.Equal("syj-officer", handed.GetProperty("owner").GetString());
        var told = await factory.WithDbAsync(db => db.Messages.Where(m => m.Mailbox == "user:syj-officer").Select(m => m.Subject).ToListAsync());
        Assert.Contains(told, s => s.StartsWith("交办", StringComparison.Ordinal));
        var overview = await (await head.GetAsync("/api/v1/licensing/overview")).ReadJsonAsync();
        Assert.Contains(overview.GetProperty("handOvers").EnumerateArray(), h => h.GetProperty("applicationId").GetGuid() == id && h.GetProperty("by").GetString() == "syj-chief");
    }

    [Fact]
    public async Task The_applicant_is_told_of_every_step_in_its_mailbox_and_reads_only_its_own()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var filed = await (await FileAsync(applicant, new { itemCode = "SL-014", materials = await factory.RequiredMaterialsAsync(applicant, "SL-014") })).ReadJsonAsync();
        var number = filed.GetProperty("number").GetString()!;
        await ActAsync(clerk, filed.GetProperty("id").GetGuid(), "supplement", new { items = new[] { new { material = "营业执照", problem = "已过期" } } });

        var inbox = await (await applicant.GetAsync("/api/v1/messages")).ReadJsonAsync();
        var mine = inbox.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("subject").GetString()!.StartsWith(number, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"{number}：待补正", $"{number}：已提交"], mine.Select(m => m.GetProperty("subject").GetString()));
        Assert.Contains("营业执照（已过期）", mine[0].GetProperty("body").GetString(), StringComparison.Ordinal);

        var unread = inbox.GetProperty("unread").GetInt32();
        var read = await (await applicant.PostAsync($"/api/v1/messages/{mine[0].GetProperty("id").GetGuid()}/read", null)).ReadJsonAsync();
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, read.GetProperty("readAt").ValueKind);
        Assert.Equal(unread - 1, (await (await applicant.GetAsync("/api/v1/messages")).ReadJsonAsync()).GetProperty("unread").GetInt32());
        await (await clerk.PostAsync($"/api/v1/messages/{mine[1].GetProperty("id").GetGuid()}/read", null)).AssertProblemAsync(404);
        var page = await (await factory.CookieClientAsync(Roles.Applicant)).GetStringAsync("/Messages");
        Assert.Contains($"{number}：已提交", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_application_kept_from_before_the_due_date_column_is_dated_by_the_first_sweep()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var id = (await (await FileAsync(applicant, new { itemCode = "SL-014", materials = await factory.RequiredMaterialsAsync(applicant, "SL-014") })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var dueOn = (await ActAsync(clerk, id, "accept")).GetProperty("dueOn").GetString();
        await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.DueOn, (DateOnly?)null)));

        var later = await factory.WithUseCaseAsync<LicensingSweep, LicensingSweep.Outcome>(s => s.RunAsync());
        var first = await factory.WithUseCaseAsync<LicensingSweep, LicensingSweep.Outcome>(s => s.RunAsync(backfill: true));

        Assert.Equal(0, later.Rescheduled);
        Assert.True(first.Rescheduled >= 1);
        Assert.Equal(dueOn, (await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.DueOn).SingleAsync()))?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
