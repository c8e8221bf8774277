using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Registry;
using Zhengzhao.Web.Tests.Infrastructure;
using Zhengzhao.Web.Tests.Licensing;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;
using ApplicationView = Zhengzhao.Web.Api.LicensingEndpoints.ApplicationView;
using DeregistrationResponse = Zhengzhao.Web.Api.RegistryEndpoints.DeregistrationResponse;

namespace Zhengzhao.Web.Tests.Registry;

/// <summary>
/// 注销登记 ends a company's licensing with it: its permits in force are cancelled, its applications in hand closed.
/// Its own fixture: it deregisters the demo applicant's company.
/// </summary>
public sealed class DeregistrationTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private static object Event(string eventId, string? on = "2026-11-26", string? reason = "股东会决议解散", string? uscc = null) =>
        new { eventId, uscc = uscc ?? SamplePermits.ApplicantCompany, deregisteredOn = on, reason };

    [Fact]
    public async Task A_deregistered_company_loses_its_permits_and_applications_once_however_often_it_is_delivered()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var registrar = await factory.BearerClientAsync(Roles.Regulator);
        var filing = await (await FileAsync(applicant, new { itemCode = "SL-001", materials = await factory.RequiredMaterialsAsync(applicant, "SL-001") })).ReadAsAsync<ApplicationView>();
        var open = await (await FileAsync(applicant, new { itemCode = "SL-016", materials = await factory.RequiredMaterialsAsync(applicant, "SL-016") })).ReadAsAsync<ApplicationView>();
        var receipt = await factory.WithDbAsync(db => db.Permits.SingleAsync(p => p.ApplicationId == filing.Id));

        (await (await registrar.PostAsJsonAsync("/api/v1/registry/deregistrations", Event("dereg-bad", on: "2026-13-01"))).AssertProblemAsync(400)).GetProperty("errors").GetProperty("deregisteredOn");
        await (await registrar.PostAsJsonAsync("/api/v1/registry/deregistrations", Event("dereg-bad", reason: " "))).AssertProblemAsync(400);
        await (await applicant.PostAsJsonAsync("/api/v1/registry/deregistrations", Event("dereg-1"))).AssertProblemAsync(403);
        var first = await registrar.PostAsJsonAsync("/api/v1/registry/deregistrations", Event("dereg-1"));
        var again = await registrar.PostAsJsonAsync("/api/v1/registry/deregistrations", Event("dereg-1"));
        var other = await registrar.PostAsJsonAsync("/api/v1/registry/deregistrations", Event("dereg-2"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.ReadAsAsync<DeregistrationResponse>();
        Assert.False(body.Replayed);
        Assert.Contains(receipt.Number, body.CancelledPermits);
        Assert.Contains(open.Number, body.ClosedApplications);
        var replay = await again.ReadAsAsync<DeregistrationResponse>();
        Assert.True(replay.Replayed);
        Assert.Empty(replay.CancelledPermits);
        Assert.Contains("不能办理注销登记", (await other.AssertProblemAsync(409)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var (status, permits, applications, events) = await factory.WithDbAsync(async db => (
            await db.Enterprises.Where(e => e.Uscc == SamplePermits.ApplicantCompany).Select(e => e.Status).SingleAsync(),
            await db.Permits.Where(p => p.Uscc == SamplePermits.ApplicantCompany).Select(p => p.Status).ToListAsync(),
            await db.Applications.Where(a => a.Uscc == SamplePermits.ApplicantCompany).Select(a => new { a.State, a.DueOn }).ToListAsync(),
            await db.LicensingEvents.CountAsync(e => e.Type == LicensingEvent.PermitCancelled && e.PermitNumber == receipt.Number)));
        Assert.Equal(EnterpriseStatus.Cancelled, status);
        Assert.All(permits, p => Assert.NotEqual(PermitStatus.Valid, p));
        Assert.All(applications, a => Assert.True(a.State is not (ApplicationState.Submitted or ApplicationState.Accepted or ApplicationState.SupplementRequested or ApplicationState.Draft) && a.DueOn is null));
        Assert.Equal(1, events);

        // The public check of the receipt says it is cancelled; the company can file nothing more.
        var verified = await factory.WithUseCaseAsync<VerifyPermit, Zhengzhao.Common.Result<PublicPermit>>(verify => verify.ByNumberAsync(receipt.Number));
        Assert.Equal((PermitState.Cancelled, "已注销"), (verified.Value!.State, verified.Value.StateName));
        var refused = await FileAsync(applicant, new { itemCode = "SL-001", materials = await factory.RequiredMaterialsAsync(applicant, "SL-001") });
        Assert.Equal("/problems/licensing/company-not-active", (await refused.AssertProblemAsync(409)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_registrar_deregisters_on_the_company_page_and_a_double_submit_records_it_once()
    {
        var registrar = await factory.BearerClientAsync(Roles.Regulator);
        var code = Uscc.Compose('9', '1', "540102", "MA6TDR01").Value;
        (await registrar.PostAsJsonAsync("/api/v1/registry/registrations", RegistryApi.Registration(code, "dr-reg", "拉萨注销测试有限公司"))).EnsureSuccessStatusCode();
        var browser = await factory.CookieClientAsync(Roles.Regulator);
        var page = $"/Registry/Enterprise/{code}";
        var form = new Dictionary<string, string> { ["EventId"] = "dr-page", ["DeregisteredOn"] = "2026-11-26", ["Reason"] = "股东会决议解散" };

        var early = WebUtility.HtmlDecode(await (await ZhengzhaoFactory.PostFormAsync(browser, $"{page}?handler=Deregister", new(form) { ["DeregisteredOn"] = "2026-11-19" }, page)).Content.ReadAsStringAsync());
        var done = WebUtility.HtmlDecode(await (await ZhengzhaoFactory.PostFormAsync(browser, $"{page}?handler=Deregister", new(form), page)).Content.ReadAsStringAsync());
        var twice = WebUtility.HtmlDecode(await (await browser.PostAsync($"{page}?handler=Deregister", new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = ZhengzhaoFactory.AntiforgeryToken(done) }))).Content.ReadAsStringAsync());

        Assert.Contains("注销日期不能早于成立日期 2026-11-20。", early, StringComparison.Ordinal);
        Assert.Contains("已注销登记。注销证照 0 件，终止在办申请 0 件。", done, StringComparison.Ordinal);
        Assert.DoesNotContain("确认注销登记", done, StringComparison.Ordinal);
        Assert.Contains("该注销登记已记录（重复提交未产生变化）。", twice, StringComparison.Ordinal);
        var history = await factory.WithDbAsync(db => db.EnterpriseChanges.Where(c => c.Uscc == code).Select(c => new { c.Kind, c.Summary }).ToListAsync());
        Assert.Equal(["注销登记", "设立登记"], history.Select(c => c.Kind).Order(StringComparer.Ordinal));
        Assert.Equal("于 2026-11-26 注销登记，原因：股东会决议解散", history.Single(c => c.Kind == "注销登记").Summary);
    }
}
