using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;
using ApplicationView = Zhengzhao.Web.Api.LicensingEndpoints.ApplicationView;
using DeadlineView = Zhengzhao.Web.Api.DeadlineEndpoints.DeadlineView;

namespace Zhengzhao.Web.Tests.Deadlines;

/// <summary>
/// The one list of open deadlines, fed by Licensing, Coordination and Credit from their own state, on Thursday
/// 2026-11-26 (the factory's day): what is due, whose it is, when, on which clock; and who may read which.
/// </summary>
public sealed class OpenDeadlineTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task A_department_reads_its_applications_deadlines_and_an_overseer_any_departments()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var approver = await factory.NewBearerClientAsync("dl-syj-approver", Roles.Approver, "XZ-SYJ", "540000");
        var otherApprover = await factory.NewBearerClientAsync("dl-gsj-approver", Roles.Approver, "XZ-GSJ", "540000");
        var materials = await factory.RequiredMaterialsAsync(applicant, "SL-014");
        var waiting = (await (await FileAsync(applicant, new { itemCode = "SL-014", materials })).ReadAsAsync<ApplicationView>()).Id;
        var accepted = (await (await FileAsync(applicant, new { itemCode = "SL-014", materials })).ReadAsAsync<ApplicationView>()).Id;
        await ActAsync(clerk, accepted, "accept");

        // SL-014 is received within five working days (by the window of the company's region, for every department),
        // then decided within ten (committed) and twenty (statutory) by the department.
        var own = await DeadlinesAsync(approver, "?days=30");
        Assert.DoesNotContain(own, d => d.SubjectId == waiting);
        Assert.Equal(
            [("licensing.acceptance", "受理期限", new DateOnly(2026, 12, 3), "WorkingDays", "Window")],
            (await DeadlinesAsync(clerk, "?days=30")).Where(d => d.SubjectId == waiting).Select(d => (d.Kind, d.What, d.DueOn, d.Clock, d.Party)));
        Assert.Equal(
            [("licensing.committed", new DateOnly(2026, 12, 10), "Green"), ("licensing.statutory", new DateOnly(2026, 12, 24), "Green")],
            own.Where(d => d.SubjectId == accepted).Select(d => (d.Kind, d.DueOn, d.Light)));
        Assert.All(own.Where(d => d.SubjectId == accepted), d => Assert.Equal(("demo-windowclerk", "XZ-SYJ", $"/Licensing/Application/{accepted}"), (d.Owner, d.DepartmentCode, d.Link)));
        Assert.Equal(own.OrderBy(d => d.DueOn).Select(d => d.DueOn), own.Select(d => d.DueOn));

        // Ten days ahead reaches the acceptance and the committed limit, not the statutory one; thirty (the default) all three.
        Assert.DoesNotContain(await DeadlinesAsync(approver, "?days=10"), d => d.Kind == "licensing.statutory" && d.SubjectId == accepted);
        Assert.Equal(2, (await DeadlinesAsync(approver, string.Empty)).Count(d => d.SubjectId == accepted));
        await (await (await factory.NewBearerClientAsync("dl-syj-inspector", Roles.Inspector, "XZ-SYJ", "540000")).GetAsync("/api/v1/deadlines")).AssertProblemAsync(403);
        Assert.DoesNotContain(await DeadlinesAsync(otherApprover, "?days=30"), d => d.SubjectId == accepted || d.SubjectId == waiting);

        var oversight = await factory.BearerClientAsync(Roles.Oversight);
        Assert.Contains(await DeadlinesAsync(oversight, "?department=XZ-SYJ&days=30"), d => d.SubjectId == accepted);
        Assert.Contains(await DeadlinesAsync(oversight, "?days=30"), d => d.SubjectId == waiting);
        Assert.DoesNotContain(await DeadlinesAsync(oversight, "?department=XZ-GSJ&days=30"), d => d.SubjectId == accepted);
        Assert.Contains(await DeadlinesAsync(applicant, "?days=30"), d => d.SubjectId == accepted && d.Kind == "licensing.committed");

        var otherDepartment = await (await approver.GetAsync("/api/v1/deadlines?department=XZ-GSJ")).AssertProblemAsync(403);
        var companyByDepartment = await (await applicant.GetAsync("/api/v1/deadlines?department=XZ-SYJ")).AssertProblemAsync(403);
        var unknown = await (await oversight.GetAsync("/api/v1/deadlines?department=XZ-NONE")).AssertProblemAsync(404);
        var invisible = await (await oversight.GetAsync("/api/v1/deadlines?department=%E2%80%AEXZ")).AssertProblemAsync(404);
        await (await applicant.GetAsync("/api/v1/deadlines?department=XZ-NONE")).AssertProblemAsync(403);
        var tooFar = await (await oversight.GetAsync("/api/v1/deadlines?days=367")).AssertProblemAsync(400);
        await (await oversight.GetAsync("/api/v1/deadlines?days=-1")).AssertProblemAsync(400);
        await (await oversight.GetAsync("/api/v1/deadlines?days=abc")).AssertProblemAsync(400);
        await (await factory.CreateClient().GetAsync("/api/v1/deadlines")).AssertProblemAsync(401);
        Assert.Equal("/problems/deadlines/out-of-scope", otherDepartment.GetProperty("type").GetString());
        Assert.Equal("/problems/deadlines/out-of-scope", companyByDepartment.GetProperty("type").GetString());
        Assert.Equal("/problems/deadlines/department-not-found", unknown.GetProperty("type").GetString());
        Assert.True(tooFar.GetProperty("errors").TryGetProperty("days", out _));
        Assert.DoesNotContain("\u202E", invisible.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_push_is_due_to_be_claimed_in_ten_working_days_and_once_claimed_its_loop_is_due()
    {
        var registrar = await factory.BearerClientAsync(Roles.Regulator);
        var code = SampleRegistration.Code("MA6TDL01");
        (await registrar.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, "dl-1"))).EnsureSuccessStatusCode();
        var food = await factory.WithDbAsync(db => db.Pushes.SingleAsync(p => p.Uscc == code && p.DepartmentCode == "XZ-SYJ"));
        var approver = await factory.NewBearerClientAsync("dl-syj-desk", Roles.Approver, "XZ-SYJ", "540000");

        var claim = Assert.Single(await DeadlinesAsync(approver, "?days=30"), d => d.SubjectId == food.Id);
        Assert.Equal(("coordination.claim", "认领时限", new DateOnly(2026, 12, 10), "Green", "/Coordination/Inbox"), (claim.Kind, claim.What, claim.DueOn, claim.Light, claim.Link));
        Assert.StartsWith("拉萨双告知测试有限公司", claim.Title, StringComparison.Ordinal);

        (await approver.PostAsync($"/api/v1/coordination/pushes/{food.Id}/claim", null)).EnsureSuccessStatusCode();
        var loop = Assert.Single(await DeadlinesAsync(approver, "?days=90"), d => d.SubjectId == food.Id);
        Assert.Equal("coordination.loop", loop.Kind);
        Assert.True(loop.DueOn > claim.DueOn);

        // A company follows its pushes on its own loop panel: the departments' deadlines are not listed to it.
        var company = await factory.NewBearerClientAsync("dl-company-1", Roles.Applicant, uscc: code);
        Assert.DoesNotContain(await DeadlinesAsync(company, "?days=90"), d => d.SubjectId == food.Id);
    }

    [Fact]
    public async Task A_listed_company_has_thirty_days_to_object_and_then_the_department_five_working_days_to_accept()
    {
        var regulator = await factory.BearerClientAsync(Roles.Regulator);
        var code = SampleRegistration.Code("MA6TDL02");
        (await regulator.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, "dl-2", person: SampleRegistration.IdNumber("54010219850101301")))).EnsureSuccessStatusCode();
        var listing = await (await regulator.PostAsJsonAsync("/api/v1/credit/abnormal-listings", new { uscc = code, cause = "Unreachable", decisionNumber = "拉市监异〔2026〕71号", facts = "经实地核查，通过登记的住所无法联系", listedOn = "2026-11-26" }))
            .ReadAsAsync<Zhengzhao.Web.Api.CreditListEndpoints.AbnormalView>();
        var company = await factory.NewBearerClientAsync("dl-company-2", Roles.Applicant, uscc: code);

        var period = Assert.Single(await DeadlinesAsync(company, "?days=40"), d => d.SubjectId == listing.Id);
        Assert.Equal(("credit.objection-period", new DateOnly(2026, 12, 28), "Company", "CalendarDays"), (period.Kind, period.DueOn, period.Party, period.Clock));

        (await company.PostAsJsonAsync($"/api/v1/credit/abnormal-listings/{listing.Id}/objection", new { text = "企业已在原址正常经营，可以联系" })).EnsureSuccessStatusCode();
        var answer = Assert.Single(await DeadlinesAsync(regulator, "?department=XZ-GSJ&days=40"), d => d.SubjectId == listing.Id);
        Assert.Equal(("credit.objection-acceptance", new DateOnly(2026, 12, 3), "Department", "WorkingDays"), (answer.Kind, answer.DueOn, answer.Party, answer.Clock));
        Assert.Equal(answer, Assert.Single(await DeadlinesAsync(company, "?days=40"), d => d.SubjectId == listing.Id));
    }

    [Fact]
    public async Task The_desk_shows_the_departments_deadlines_and_each_leads_to_where_it_is_done()
    {
        var registrar = await factory.BearerClientAsync(Roles.Regulator);
        var code = SampleRegistration.Code("MA6TDL03");
        (await registrar.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, "dl-3"))).EnsureSuccessStatusCode();

        // The demo approver works at 新闻出版广电局 (XZ-XWGD), which the film distribution in the scope is pushed to.
        var desk = await (await factory.CookieClientAsync(Roles.Approver)).GetStringAsync("/Workbench");
        Assert.Contains("临近和逾期的期限", desk, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"coordination.claim\"", desk, StringComparison.Ordinal);
        Assert.Contains($"拉萨双告知测试有限公司{code[^4..]} · ", desk, StringComparison.Ordinal);

        // The oversight office's desk lists every department's; an inspector's has no such list.
        Assert.Contains("data-kind=\"coordination.claim\"", await (await factory.CookieClientAsync(Roles.Oversight)).GetStringAsync("/Workbench"), StringComparison.Ordinal);
        Assert.DoesNotContain("临近和逾期的期限", await (await factory.CookieClientAsync(Roles.Inspector)).GetStringAsync("/Workbench"), StringComparison.Ordinal);
    }

    private static async Task<DeadlineView[]> DeadlinesAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"/api/v1/deadlines{query}")).ReadAsAsync<DeadlineView[]>();
}
