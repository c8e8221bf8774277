using System.Net;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Notifications;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;
using ApplicationView = Zhengzhao.Web.Api.LicensingEndpoints.ApplicationView;
using OverviewView = Zhengzhao.Web.Api.LicensingEndpoints.OverviewView;

namespace Zhengzhao.Web.Tests.Licensing;

/// <summary>
/// Time passing on one application of SL-014 (transparent, 食品药品监督管理局 XZ-SYJ: committed 10 and statutory 20
/// working days, one extension of up to 10), filed and accepted on Thursday 2026-11-26, so its committed limit ends on
/// 2026-12-10. The class has its own clock, which it moves on.
/// </summary>
public sealed class DeadlineTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task Warnings_reach_the_owner_and_the_head_once_the_head_sees_what_is_late_and_grants_a_requested_extension()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var approver = await factory.NewBearerClientAsync("syj-approver", Roles.Approver, "XZ-SYJ", "540000");
        await factory.NewBearerClientAsync("syj-head", Roles.Approver, "XZ-SYJ", "540000", departmentHead: true);
        var materials = await factory.RequiredMaterialsAsync(applicant, "SL-014");
        var accepted = (await (await FileAsync(applicant, new { itemCode = "SL-014", materials })).ReadAsAsync<ApplicationView>()).Id;
        var waiting = (await (await FileAsync(applicant, new { itemCode = "SL-014", materials })).ReadAsAsync<ApplicationView>()).Id;
        var dueOn = (await ActAsync(clerk, accepted, "accept")).As<ApplicationView>().DueOn;

        // The worklist reads the stored due dates: the one still to be received (by 12-03) before the one under review (12-10).
        var worklist = await (await approver.GetAsync("/api/v1/licensing/applications")).ReadAsAsync<ApplicationView[]>();
        Assert.Equal(new DateOnly(2026, 12, 10), dueOn);
        Assert.Equal([waiting, accepted], worklist.Select(a => a.Id));
        Assert.Equal([new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 10)], worklist.Select(a => a.DueOn!.Value));

        // Friday 12-04 is too early; Monday 12-07 is three working days before: two instances sweeping at once send one warning.
        MoveTo(2026, 12, 4);
        Assert.Equal(0, await SweepAsync());
        MoveTo(2026, 12, 7);
        var sweeps = await Task.WhenAll(SweepAsync(), SweepAsync());
        Assert.Equal(1, sweeps.Sum());
        Assert.Equal(0, await SweepAsync());
        var warnings = await factory.WithDbAsync(db => db.Messages.Where(m => m.Subject.StartsWith("期限预警")).Select(m => m.Mailbox).OrderBy(m => m).ToListAsync());
        Assert.Equal(["user:demo-windowclerk", "user:syj-head"], warnings);

        // Wednesday 12-09, one working day before: the second lead, once.
        MoveTo(2026, 12, 9);
        Assert.Equal(1, await SweepAsync());
        Assert.Equal(2, await factory.WithDbAsync(db => db.DeadlineWarnings.CountAsync(w => w.SubjectId == accepted)));

        // Friday 12-11: past the committed limit. The owner and the head are told once; the head sees it late, and the
        // extension the approver asks for.
        MoveTo(2026, 12, 11);
        Assert.Equal(1, await SweepAsync());
        Assert.Equal(0, await SweepAsync());
        var pastDue = await factory.WithDbAsync(db => db.Messages.Where(m => m.Subject.StartsWith("逾期告警")).OrderBy(m => m.Mailbox).ToListAsync());
        Assert.Equal(["user:demo-windowclerk", "user:syj-head"], pastDue.Select(m => m.Mailbox));
        Assert.Contains("承诺期限 2026-12-10 已过，请尽快办结；法定期限为", pastDue[0].Body, StringComparison.Ordinal);
        approver = await factory.TokenClientAsync("syj-approver");
        var head = await factory.TokenClientAsync("syj-head");
        await ActAsync(approver, accepted, "extension-request", new { days = 11, reason = "现场核查需补测" }, HttpStatusCode.BadRequest);
        await ActAsync(approver, accepted, "extension-request", new { days = 5, reason = "现场核查需补测" });
        await ActAsync(approver, accepted, "extension-request", new { days = 3, reason = "再申请" }, HttpStatusCode.Conflict);
        await ActAsync(approver, accepted, "extend", new { days = 5, reason = "自批" }, HttpStatusCode.Forbidden);
        var overview = await (await head.GetAsync("/api/v1/licensing/overview")).ReadAsAsync<OverviewView>();
        var late = Assert.Single(overview.Overdue, l => l.Application.Id == accepted);
        Assert.Equal(1, late.WorkdaysLate);
        Assert.Contains(overview.Overdue, l => l.Application.Id == waiting);
        Assert.Equal(5, Assert.Single(overview.ExtensionRequests).ExtensionRequest?.Days);

        var extended = (await ActAsync(head, accepted, "extend", new { days = 5, reason = "现场核查需补测" })).As<ApplicationView>();
        Assert.Equal(new DateOnly(2026, 12, 17), extended.DueOn);
        Assert.Null(extended.ExtensionRequest);
        Assert.Equal("syj-head", extended.Extension?.ApprovedBy);
        overview = await (await head.GetAsync("/api/v1/licensing/overview")).ReadAsAsync<OverviewView>();
        Assert.DoesNotContain(overview.Overdue, l => l.Application.Id == accepted);
        Assert.Empty(overview.ExtensionRequests);
        await (await approver.GetAsync("/api/v1/licensing/overview")).AssertProblemAsync(403);

        // The extension moved the deadline: 12-14 is three working days before the new one, and is warned afresh.
        MoveTo(2026, 12, 14);
        Assert.Equal(1, await SweepAsync());
    }

    private void MoveTo(int year, int month, int day) =>
        factory.Clock.SetUtcNow(new DateTimeOffset(year, month, day, 2, 0, 0, TimeSpan.Zero));

    /// <summary>One instance's sweep of the warnings due today.</summary>
    private Task<int> SweepAsync() => factory.WithUseCaseAsync<SendDeadlineWarnings, int>(w => w.RunAsync());
}
