using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Api.CreditListEndpoints;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;

namespace Zhengzhao.Web.Tests.Credit;

/// <summary>
/// Who may pass which company to the credit use cases. A company acts on its own record only, and which company it
/// is comes from its account: a code it puts in the request is ignored, and another company's listing, repair or
/// evidence is not found. A company's record, and every decision that names a company (penalties, listings, annual
/// reports, inspection results), belong to staff; the decisions to the deciding department. Nothing refused is
/// written. The listing department is the demo regulator's, 市场监管局 (XZ-GSJ).
/// </summary>
public sealed class CreditScopeTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private const string Statement = "已在登记住所恢复经营并更新联系方式，承诺今后如实公示信息";

    [Fact]
    public async Task A_repair_is_applied_for_read_and_its_evidence_opened_by_the_listed_company_alone_whatever_code_the_request_names()
    {
        var (company, other) = (await CompanyAsync("MA6TCY01"), await CompanyAsync("MA6TCY02"));
        var owner = await factory.NewBearerClientAsync("credit-scope-owner", Roles.Applicant, uscc: company);
        var stranger = await factory.NewBearerClientAsync("credit-scope-stranger", Roles.Applicant, uscc: other);
        var listing = await ListAsync(company, "拉市监异〔2026〕71号");
        var theirs = await UploadAsync(stranger, "他人材料.pdf");

        var naming = await (await stranger.PostAsJsonAsync($"/api/v1/credit/repairs?uscc={company}", new { uscc = company, target = "AbnormalListing", targetId = listing, statement = Statement, evidence = new[] { theirs } })).AssertProblemAsync(404);
        var staff = new[] { await factory.BearerClientAsync(Roles.WindowClerk), await factory.BearerClientAsync(Roles.Regulator) };
        foreach (var clerkOrRegulator in staff)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await clerkOrRegulator.PostAsJsonAsync("/api/v1/credit/repairs", new { uscc = company, target = "AbnormalListing", targetId = listing, statement = Statement, evidence = new[] { theirs } })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().PostAsJsonAsync("/api/v1/credit/repairs", new { target = "AbnormalListing", targetId = listing })).StatusCode);
        Assert.Equal("/problems/credit/repair-target-not-found", naming.GetProperty("type").GetString());
        Assert.Equal(0, await factory.WithDbAsync(db => db.CreditRepairs.CountAsync(r => r.TargetId == listing)));

        var evidence = await UploadAsync(owner, "租赁合同.pdf");
        var applied = await owner.PostAsJsonAsync("/api/v1/credit/repairs", new { uscc = other, target = "AbnormalListing", targetId = listing, statement = Statement, evidence = new[] { evidence } });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var repair = await applied.ReadAsAsync<RepairView>();
        var id = repair.Id;
        Assert.Equal(company, repair.Uscc);

        Assert.DoesNotContain(await (await stranger.GetAsync($"/api/v1/credit/repairs?uscc={company}")).ReadAsAsync<RepairView[]>(), r => r.Id == id);
        Assert.Contains(await (await owner.GetAsync($"/api/v1/credit/repairs?uscc={other}")).ReadAsAsync<RepairView[]>(), r => r.Id == id);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/credit/repairs/{id}/evidence/{evidence}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/credit/repairs/{id}/evidence/{evidence}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync($"/api/v1/credit/repairs/{id}/decision", new { approve = true, reasons = "自行准予" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsJsonAsync($"/api/v1/credit/repairs/{id}/decision", new { approve = true, reasons = "自行准予" })).StatusCode);
        await (await (await factory.BearerClientAsync(Roles.Approver)).PostAsJsonAsync($"/api/v1/credit/repairs/{id}/decision", new { approve = true, reasons = "不是本机关的" })).AssertProblemAsync(404);
        Assert.Equal(["credit.repair-applied"], await ActionsAsync(id));
    }

    [Fact]
    public async Task An_objection_is_lodged_by_the_listed_company_itself_or_taken_on_paper_by_the_department_that_listed_it()
    {
        var (company, other) = (await CompanyAsync("MA6TCY03"), await CompanyAsync("MA6TCY04"));
        var owner = await factory.NewBearerClientAsync("credit-scope-objector", Roles.Applicant, uscc: company);
        var stranger = await factory.NewBearerClientAsync("credit-scope-bystander", Roles.Applicant, uscc: other);
        var otherRegulator = await factory.NewBearerClientAsync("credit-scope-jkq-regulator", Roles.Regulator, "LS-JKQ", "540172");
        var listing = await ListAsync(company, "拉市监异〔2026〕72号");
        var objection = new { text = "企业一直在登记住所经营，可提供租赁合同", uscc = company };

        var bystander = await (await stranger.PostAsJsonAsync($"/api/v1/credit/abnormal-listings/{listing}/objection", objection)).AssertProblemAsync(404);
        var notTheirs = await (await otherRegulator.PostAsJsonAsync($"/api/v1/credit/abnormal-listings/{listing}/objection", objection)).AssertProblemAsync(403);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.BearerClientAsync(Roles.WindowClerk)).PostAsJsonAsync($"/api/v1/credit/abnormal-listings/{listing}/objection", objection)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsJsonAsync($"/api/v1/credit/abnormal-listings/{listing}/objection/uphold", objection)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().PostAsJsonAsync($"/api/v1/credit/abnormal-listings/{listing}/objection", objection)).StatusCode);

        Assert.Equal("/problems/credit/listing-not-found", bystander.GetProperty("type").GetString());
        Assert.Equal("/problems/credit/not-your-listing", notTheirs.GetProperty("type").GetString());
        Assert.Equal(["credit.abnormal-listed"], await ActionsAsync(listing));

        var lodged = await owner.PostAsJsonAsync($"/api/v1/credit/abnormal-listings/{listing}/objection", objection);
        Assert.Equal(HttpStatusCode.OK, lodged.StatusCode);
        Assert.Equal(company, (await lodged.ReadAsAsync<AbnormalView>()).Uscc);
        Assert.Equal(["credit.abnormal-listed", "credit.objection-lodge"], await ActionsAsync(listing));
    }

    [Fact]
    public async Task A_companys_record_and_restrictions_are_read_through_the_staff_api_by_staff_of_any_region_and_by_no_company()
    {
        var (company, other) = (await CompanyAsync("MA6TCY05"), await CompanyAsync("MA6TCY06"));
        var applicant = await factory.NewBearerClientAsync("credit-scope-reader", Roles.Applicant, uscc: company);
        var readers = new[]
        {
            await factory.BearerClientAsync(Roles.WindowClerk),
            await factory.NewBearerClientAsync("credit-scope-chengguan", Roles.WindowClerk, "LS-JKQ", "540102"),
            await factory.BearerClientAsync(Roles.Approver),
        };

        foreach (var path in new[] { $"/api/v1/credit/{company}/record", $"/api/v1/credit/{other}/record", $"/api/v1/credit/{other}/restrictions" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().GetAsync(path)).StatusCode);
            foreach (var staff in readers)
            {
                Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(path)).StatusCode);
            }
        }
    }

    [Fact]
    public async Task A_decision_naming_a_company_in_its_body_is_entered_by_a_deciding_department_never_by_a_company_or_the_window()
    {
        var (company, other) = (await CompanyAsync("MA6TCY07"), await CompanyAsync("MA6TCY08"));
        var applicant = await factory.NewBearerClientAsync("credit-scope-self-penalty", Roles.Applicant, uscc: company);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var writes = new (string Path, object Body)[]
        {
            ("/api/v1/credit/penalties", new { decisionNumber = "拉市监罚〔2026〕71号", uscc = other, legalBasis = "《食品安全法》第一百二十六条", facts = "未按规定公示", measure = "Warning", decidedOn = "2026-11-20" }),
            ("/api/v1/credit/annual-reports", new { uscc = other, year = 2025, filedOn = "2026-06-01" }),
            ("/api/v1/credit/inspection-results", new { inspectionId = Guid.NewGuid(), uscc = other, checkItem = "食品经营许可事项检查", outcome = "Unreachable", inspectedOn = "2026-11-20" }),
            ("/api/v1/credit/abnormal-listings", new { uscc = other, cause = "Unreachable", decisionNumber = "拉市监异〔2026〕73号", facts = "住所无法联系", listedOn = "2026-11-02" }),
            ("/api/v1/credit/serious-listings", new { uscc = other, cause = "FraudulentRegistration", decisionNumber = "拉市监严〔2026〕71号", facts = "提交虚假材料取得登记", listedOn = "2026-11-02" }),
        };
        var before = await WrittenAboutAsync(other);

        foreach (var (path, body) in writes)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync(path, body)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync(path, body)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().PostAsJsonAsync(path, body)).StatusCode);
        }

        Assert.Equal(before, await WrittenAboutAsync(other));
    }

    /// <summary>A company of the pilot zone, registered for the test.</summary>
    private async Task<string> CompanyAsync(string orgBase)
    {
        var code = SampleRegistration.Code(orgBase);
        (await (await factory.BearerClientAsync(Roles.Regulator)).PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, "credit-scope-" + orgBase, establishedOn: "2024-05-06"))).EnsureSuccessStatusCode();
        return code;
    }

    /// <summary>The demo regulator lists the company on the abnormal list.</summary>
    private async Task<Guid> ListAsync(string uscc, string number)
    {
        var response = await (await factory.BearerClientAsync(Roles.Regulator)).PostAsJsonAsync("/api/v1/credit/abnormal-listings", new { uscc, cause = "Unreachable", decisionNumber = number, facts = "住所无法联系", listedOn = "2026-11-02" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsAsync<AbnormalView>()).Id;
    }

    /// <summary>What the platform holds about the company: its audit entries and credit entries, and the decisions that name it.</summary>
    private Task<(int Audit, int Credit, int Decisions)> WrittenAboutAsync(string uscc) =>
        factory.WithDbAsync(async db => (
            await db.AuditEntries.CountAsync(e => e.Summary.Contains(uscc)),
            await db.CreditEntries.CountAsync(e => e.Uscc == uscc),
            await db.Penalties.CountAsync(p => p.Uscc == uscc) + await db.AbnormalListings.CountAsync(l => l.Uscc == uscc) + await db.SeriousListings.CountAsync(l => l.Uscc == uscc) + await db.AnnualReports.CountAsync(r => r.Uscc == uscc)));

    private Task<List<string>> ActionsAsync(Guid id) =>
        factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == id.ToString()).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
}
