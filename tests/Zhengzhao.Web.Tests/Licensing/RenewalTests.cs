using System.Net;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Catalog;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;
using ApplicationView = Zhengzhao.Web.Api.LicensingEndpoints.ApplicationView;

namespace Zhengzhao.Web.Tests.Licensing;

/// <summary>
/// 延续 as an application: the holder files within the permit's window, the department decides before the last valid
/// day, or the law grants it the day after (行政许可法 第五十条). The permits are five-year SL-014 permits of the demo
/// company (食品药品监督管理局 XZ-SYJ) carried over from an earlier system; the class moves its own clock.
/// </summary>
public sealed class RenewalTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private static readonly PinnedItem FoodPermit = new("SL-014", 1, "食品经营许可", "XZ-SYJ", ReformMode.Transparent, new ClockLimits(20, 10), 10, [], [], []);

    [Fact]
    public async Task A_renewal_decided_in_time_extends_the_permit_and_one_left_undecided_is_granted_by_law_the_day_after()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var approver = await factory.NewBearerClientAsync("syj-renewals", Roles.Approver, "XZ-SYJ", "540000");
        var decided = await CarriedOverAsync("XZ-SYJ-2021-000101", new DateOnly(2021, 12, 10));
        var undecided = await CarriedOverAsync("XZ-SYJ-2021-000102", new DateOnly(2021, 12, 2));
        var notYet = await CarriedOverAsync("XZ-SYJ-2022-000103", new DateOnly(2022, 6, 1));
        var form = new[] { new { name = Application.RenewalForm, upload = await UploadAsync(applicant, "延续申请书.pdf") } };

        // Filed in the window (the permits end on 2026-12-09 and 2026-12-01); one not yet in it is refused.
        var first = await (await FileAsync(applicant, new { renews = decided, materials = form })).ReadAsAsync<ApplicationView>();
        var second = await (await FileAsync(applicant, new { renews = undecided, materials = form })).ReadAsAsync<ApplicationView>();
        await (await FileAsync(applicant, new { renews = decided, materials = form })).AssertProblemAsync(409);
        var early = await (await FileAsync(applicant, new { renews = notYet, materials = form })).AssertProblemAsync(409);
        await (await FileAsync(applicant, new { renews = "XZ-SYJ-2021-999999", materials = form })).AssertProblemAsync(400);
        await (await FileAsync(applicant, new { renews = undecided, materials = Array.Empty<object>() })).AssertProblemAsync(409);
        Assert.Contains("延续申请自 2027-05-01", early.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((decided, new DateOnly(2026, 12, 9), "Submitted"), (first.RenewsPermit, first.RenewalLastDay!.Value, first.State));
        Assert.Equal("SL-014", first.ItemCode);

        // Decided before the last day: no published steps to go through; the permit runs on five more years.
        var one = first.Id;
        var two = second.Id;
        await ActAsync(clerk, one, "accept");
        await ActAsync(clerk, two, "accept");
        var approved = (await ActAsync(approver, one, "decide", new { approve = true })).As<ApplicationView>();
        Assert.Equal("Approved", approved.State);
        Assert.Equal(new DateOnly(2031, 12, 9), await ValidToAsync(decided));

        // The other one nobody decided: on 12-02 the sweep grants it by law, once, and a late decision is refused.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));
        var sweeps = await Task.WhenAll(SweepAsync(), SweepAsync());
        Assert.Equal(1, sweeps.Sum(s => s.Deemed));
        approver = await factory.TokenClientAsync("syj-renewals");
        var late = await ActAsync(approver, two, "decide", new { approve = false, reasons = "场所已变更" }, HttpStatusCode.Conflict);
        var closed = await factory.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == two));

        Assert.Equal((ApplicationState.Approved, Application.DeemedDecider), (closed.State, closed.Decision!.DecidedBy));
        Assert.Equal(new DateOnly(2031, 12, 1), await ValidToAsync(undecided));
        Assert.Equal("licensing/wrong-state", late.GetProperty("type").GetString()!.Split("/problems/")[^1]);
        Assert.Equal([LicensingEvent.PermitRenewed], await factory.WithDbAsync(db => db.LicensingEvents.Where(e => e.PermitNumber == undecided).Select(e => e.Type).ToListAsync()));
        Assert.Equal(0, (await SweepAsync()).Deemed);
    }

    private async Task<string> CarriedOverAsync(string number, DateOnly issuedOn) =>
        await factory.WithDbAsync(async db =>
        {
            var permit = new Permit(number, PermitKind.Permit, AccountSeeder.DemoEnterprise.Value, "拉萨雪域味道餐饮管理有限公司", FoodPermit, new PermitTerms("食品经营许可证", "热食类食品制售", 5, 30), issuedOn, null, "migration");
            db.Permits.Add(permit);
            await db.SaveArrangedAsync(factory.Clock);
            return permit.Number;
        });

    private Task<DateOnly?> ValidToAsync(string number) =>
        factory.WithDbAsync(db => db.Permits.Where(p => p.Number == number).Select(p => p.ValidTo).SingleAsync());

    private Task<LicensingSweep.Outcome> SweepAsync() => factory.WithUseCaseAsync<LicensingSweep, LicensingSweep.Outcome>(s => s.RunAsync());
}
