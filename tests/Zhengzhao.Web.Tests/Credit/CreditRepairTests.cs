using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Credit;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Api.CreditListEndpoints;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;
using ApplicationView = Zhengzhao.Web.Api.LicensingEndpoints.ApplicationView;
using InboxView = Zhengzhao.Web.Api.MessageEndpoints.InboxView;
using PenaltyView = Zhengzhao.Web.Api.CreditEndpoints.PenaltyView;
using RestrictionsView = Zhengzhao.Web.Api.CreditEndpoints.RestrictionsView;

namespace Zhengzhao.Web.Tests.Credit;

/// <summary>
/// 信用修复: the demo applicant's company asks to end entries of its own record, with evidence it uploaded; the
/// department behind each entry approves (the effect is immediate) or rejects, with reasons.
/// </summary>
public sealed class CreditRepairTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private static readonly string Company = SamplePermits.ApplicantCompany;

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private static object Repair(string target, Guid targetId, params Guid[] evidence) =>
        new { target, targetId, statement = "已在登记住所恢复经营并更新联系方式，承诺今后如实公示信息", evidence };

    [Fact]
    public async Task An_abnormal_listing_repaired_on_evidence_is_removed_at_once_and_the_company_is_told()
    {
        var regulator = await factory.BearerClientAsync(Roles.Regulator);
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var listing = (await PostAsync(regulator, "/api/v1/credit/abnormal-listings", new { uscc = Company, cause = "Unreachable", decisionNumber = "拉市监异〔2026〕31号", facts = "住所无法联系", listedOn = "2026-11-02" }, HttpStatusCode.Created)).As<AbnormalView>().Id;
        var evidence = await UploadAsync(applicant, "租赁合同.pdf");
        var other = SampleRegistration.Code("MA6TRP01");
        (await regulator.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(other, "rp-other"))).EnsureSuccessStatusCode();
        var foreign = await UploadAsync(await factory.BearerClientAsync(Roles.WindowClerk), "他人材料.pdf", uscc: other);

        await PostAsync(applicant, "/api/v1/credit/repairs", Repair("AbnormalListing", listing), HttpStatusCode.BadRequest);
        var notOurs = await PostAsync(applicant, "/api/v1/credit/repairs", Repair("AbnormalListing", listing, foreign), HttpStatusCode.BadRequest);
        await PostAsync(applicant, "/api/v1/credit/repairs", Repair("SeriousListing", listing, evidence), HttpStatusCode.NotFound);
        var applied = (await PostAsync(applicant, "/api/v1/credit/repairs", Repair("AbnormalListing", listing, evidence), HttpStatusCode.Created)).As<RepairView>();
        var again = await PostAsync(applicant, "/api/v1/credit/repairs", Repair("AbnormalListing", listing, evidence), HttpStatusCode.Conflict);
        var id = applied.Id;

        Assert.Contains("本企业上传", notOurs.GetProperty("errors").GetProperty("evidence")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(("Applied", "列入经营异常名录：拉市监异〔2026〕31号"), (applied.State, applied.TargetTitle));
        Assert.Equal("/problems/credit/repair-open", again.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, (await regulator.GetAsync($"/api/v1/credit/repairs/{id}/evidence/{evidence}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync($"/api/v1/credit/repairs/{id}/evidence/{evidence}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await regulator.GetAsync($"/api/v1/credit/repairs/{id}/evidence/{foreign}")).StatusCode);

        // The licensing department did not list the company: the application is not theirs to decide.
        var approver = await factory.BearerClientAsync(Roles.Approver);
        await PostAsync(approver, $"/api/v1/credit/repairs/{id}/decision", new { approve = true, reasons = "同意" }, HttpStatusCode.NotFound);
        await PostAsync(regulator, $"/api/v1/credit/repairs/{id}/decision", new { approve = true, reasons = "" }, HttpStatusCode.BadRequest);
        var undecided = await PostAsync(regulator, $"/api/v1/credit/repairs/{id}/decision", new { approved = true, reasons = "字段名写错" }, HttpStatusCode.BadRequest);
        Assert.True(undecided.GetProperty("errors").TryGetProperty("approve", out _));
        var approved = (await PostAsync(regulator, $"/api/v1/credit/repairs/{id}/decision", new { approve = true, reasons = "经实地核查，企业已可通过登记住所联系" }, HttpStatusCode.OK)).As<RepairView>();
        await PostAsync(regulator, $"/api/v1/credit/repairs/{id}/decision", new { approve = false, reasons = "改判" }, HttpStatusCode.Conflict);

        Assert.Equal(("Approved", new DateOnly(2026, 11, 26)), (approved.State, approved.DecidedOn!.Value));
        var removed = await factory.WithDbAsync(db => db.AbnormalListings.SingleAsync(l => l.Id == listing));
        Assert.Equal((ListingEnd.Repaired, new DateOnly(2026, 11, 26)), (removed.RemovedFor, removed.RemovedOn));
        var entry = await factory.WithDbAsync(db => db.CreditEntries.SingleAsync(e => e.Source == CreditSource.Delisting && e.SourceId == listing));
        Assert.Equal("移出原因：信用修复；经实地核查，企业已可通过登记住所联系；移出日期 2026-11-26", entry.Detail);
        Assert.DoesNotContain(await RulesAsync(regulator), r => r == "LJ-05");
        var inbox = await (await applicant.GetAsync("/api/v1/messages")).ReadAsAsync<InboxView>();
        Assert.Contains(inbox.Messages, m => m.Subject == "信用修复申请准予修复：列入经营异常名录：拉市监异〔2026〕31号");
        var trail = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == id.ToString()).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
        Assert.Equal(["credit.repair-applied", "credit.repair-approved"], trail);
    }

    [Fact]
    public async Task Repair_waits_for_its_period_a_rejection_gives_reasons_and_an_approval_lifts_the_bar_or_ends_publicity()
    {
        var regulator = await factory.BearerClientAsync(Roles.Regulator);
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var approver = await factory.BearerClientAsync(Roles.Approver);
        var evidence = await UploadAsync(applicant, "整改报告.pdf");

        // A year on the serious list before repair may be asked.
        var serious = (await PostAsync(regulator, "/api/v1/credit/serious-listings", new { uscc = Company, cause = "RepeatedViolations", decisionNumber = "拉市监严〔2026〕31号", facts = "多次违法", listedOn = "2026-03-02" }, HttpStatusCode.Created)).As<SeriousView>().Id;
        var early = await PostAsync(applicant, "/api/v1/credit/repairs", Repair("SeriousListing", serious, evidence), HttpStatusCode.Conflict);
        Assert.Equal("严重违法失信名单列入决定自 2027-03-02 起方可申请信用修复。", early.GetProperty("detail").GetString());

        // A warning's publicity may end early after three months: rejected once, approved on a second application.
        var penalty = (await PostAsync(approver, "/api/v1/credit/penalties", new { decisionNumber = "藏新广罚〔2026〕31号", uscc = Company, legalBasis = "《出版管理条例》", facts = "未按规定备案", measure = "Warning", decidedOn = "2026-08-20" }, HttpStatusCode.Created)).As<PenaltyView>().Id;
        var first = (await PostAsync(applicant, "/api/v1/credit/repairs", Repair("Penalty", penalty, evidence), HttpStatusCode.Created)).As<RepairView>().Id;
        var rejected = (await PostAsync(approver, $"/api/v1/credit/repairs/{first}/decision", new { approve = false, reasons = "整改报告未加盖公章" }, HttpStatusCode.OK)).As<RepairView>();
        var second = (await PostAsync(applicant, "/api/v1/credit/repairs", Repair("Penalty", penalty, evidence), HttpStatusCode.Created)).As<RepairView>().Id;
        await PostAsync(approver, $"/api/v1/credit/repairs/{second}/decision", new { approve = true, reasons = "已改正，材料齐全" }, HttpStatusCode.OK);

        Assert.Equal(("Rejected", "整改报告未加盖公章"), (rejected.State, rejected.Reasons));
        var ended = await factory.WithDbAsync(db => db.Penalties.SingleAsync(p => p.Id == penalty));
        Assert.Equal(new DateOnly(2026, 11, 26), ended.PublicityEndedOn);
        Assert.Equal(CreditEntryKind.PenaltyPublicityEnded, await factory.WithDbAsync(db => db.CreditEntries.Where(e => e.SourceId == second).Select(e => e.Kind).SingleAsync()));
        await PostAsync(applicant, "/api/v1/credit/repairs", Repair("Penalty", penalty, evidence), HttpStatusCode.NotFound);

        // A false commitment found on verification: repaired, the commitment route opens again.
        var filed = await (await FileAsync(applicant, new { itemCode = "SL-010", route = "Ordinary", materials = await factory.RequiredMaterialsAsync(applicant, "SL-010") })).ReadAsAsync<ApplicationView>();
        var breach = await factory.WithDbAsync(async db =>
        {
            var recorded = new CommitmentBreach(Company, "SL-010", filed.Id, "承诺的放映场所与实际不符", "demo-approver", new DateOnly(2026, 11, 20));
            db.CommitmentBreaches.Add(recorded);
            await db.SaveArrangedAsync(factory.Clock);
            return recorded.Id;
        });
        Assert.Contains(await RulesAsync(regulator), r => r == "LJ-07");
        var repair = (await PostAsync(applicant, "/api/v1/credit/repairs", Repair("CommitmentBreach", breach, evidence), HttpStatusCode.Created)).As<RepairView>().Id;
        await PostAsync(regulator, $"/api/v1/credit/repairs/{repair}/decision", new { approve = true, reasons = "越权" }, HttpStatusCode.NotFound);
        await PostAsync(approver, $"/api/v1/credit/repairs/{repair}/decision", new { approve = true, reasons = "已按承诺补齐放映场所" }, HttpStatusCode.OK);

        Assert.DoesNotContain(await RulesAsync(regulator), r => r == "LJ-07");
        Assert.Equal(new DateOnly(2026, 11, 26), await factory.WithDbAsync(db => db.CommitmentBreaches.Where(b => b.Id == breach).Select(b => b.RepairedOn).SingleAsync()));
        var mine = await (await applicant.GetAsync("/api/v1/credit/repairs")).ReadAsAsync<RepairView[]>();
        var states = mine.ToDictionary(r => r.Id, r => r.State);
        Assert.Equal(("Rejected", "Approved", "Approved"), (states[first], states[second], states[repair]));
    }

    [Fact]
    public async Task On_the_page_the_company_objects_and_applies_with_a_file_and_the_department_decides()
    {
        var regulator = await factory.BearerClientAsync(Roles.Regulator);
        var listing = (await PostAsync(regulator, "/api/v1/credit/abnormal-listings", new { uscc = Company, cause = "AnnualReportNotFiled", decisionNumber = "拉市监异〔2026〕51号", facts = "未报送 2025 年度报告", listedOn = "2026-11-20" }, HttpStatusCode.Created)).As<AbnormalView>().Id;
        var company = await factory.CookieClientAsync(Roles.Applicant);
        const string page = "/Credit/Repairs";

        var mine = WebUtility.HtmlDecode(await company.GetStringAsync(page));
        var objected = WebUtility.HtmlDecode(await (await ZhengzhaoFactory.PostFormAsync(company, $"{page}?handler=Objection", new() { ["listingId"] = listing.ToString(), ["text"] = "已于期限内报送，系系统故障" })).Content.ReadAsStringAsync());
        using var form = new MultipartFormDataContent
        {
            { new StringContent(ZhengzhaoFactory.AntiforgeryToken(await company.GetStringAsync(page))), "__RequestVerificationToken" },
            { new StringContent("AnnualReportNotFiled"), "target" },
            { new StringContent(listing.ToString()), "targetId" },
            { new StringContent("已补报 2025 年度报告并公示"), "statement" },
            { new ByteArrayContent(Pdf) { Headers = { ContentType = new("application/pdf") } }, "evidence", "年报回执.pdf" },
        };
        var wrongTarget = WebUtility.HtmlDecode(await (await company.PostAsync($"{page}?handler=Apply", form)).Content.ReadAsStringAsync());

        Assert.Contains("列入经营异常名录：拉市监异〔2026〕51号", mine, StringComparison.Ordinal);
        Assert.Contains("提出异议（至 2026-12-28）", mine, StringComparison.Ordinal);
        Assert.Contains("异议已提交，工商局应于 2026-12-03 前决定是否受理。", objected, StringComparison.Ordinal);
        Assert.Contains("请选择修复事项", wrongTarget, StringComparison.Ordinal);

        using var apply = new MultipartFormDataContent
        {
            { new StringContent(ZhengzhaoFactory.AntiforgeryToken(await company.GetStringAsync(page))), "__RequestVerificationToken" },
            { new StringContent("AbnormalListing"), "target" },
            { new StringContent(listing.ToString()), "targetId" },
            { new StringContent("已补报 2025 年度报告并公示"), "statement" },
            { new ByteArrayContent(Pdf) { Headers = { ContentType = new("application/pdf") } }, "evidence", "年报回执.pdf" },
        };
        var applied = WebUtility.HtmlDecode(await (await company.PostAsync($"{page}?handler=Apply", apply)).Content.ReadAsStringAsync());
        var repair = await factory.WithDbAsync(db => db.CreditRepairs.SingleAsync(r => r.TargetId == listing));
        var staff = await factory.CookieClientAsync(Roles.Regulator);
        var queue = WebUtility.HtmlDecode(await staff.GetStringAsync(page));
        var decided = WebUtility.HtmlDecode(await (await ZhengzhaoFactory.PostFormAsync(staff, $"{page}?handler=Decide", new() { ["repairId"] = repair.Id.ToString(), ["approve"] = "true", ["reasons"] = "年度报告已补报公示" })).Content.ReadAsStringAsync());

        Assert.Contains("信用修复申请已提交，由作出决定的机关审核：列入经营异常名录：拉市监异〔2026〕51号。", applied, StringComparison.Ordinal);
        Assert.Contains("修复申请审核中", applied, StringComparison.Ordinal);
        Assert.Single(repair.Evidence);
        Assert.Contains($"/api/v1/credit/repairs/{repair.Id}/evidence/{repair.Evidence[0]}", queue, StringComparison.Ordinal);
        Assert.Contains("的信用修复申请：准予修复。", decided, StringComparison.Ordinal);
        Assert.Equal(ListingEnd.Repaired, await factory.WithDbAsync(db => db.AbnormalListings.Where(l => l.Id == listing).Select(l => l.RemovedFor).SingleAsync()));
    }

    private static async Task<string[]> RulesAsync(HttpClient staff, string? code = null) =>
        [.. (await (await staff.GetAsync($"/api/v1/credit/{code ?? Company}/restrictions")).ReadAsAsync<RestrictionsView>()).Restrictions.Select(r => r.Rule)];

    [Fact]
    public async Task A_serious_listing_ended_by_repair_frees_its_legal_representative_to_serve_elsewhere()
    {
        var regulator = await factory.BearerClientAsync(Roles.Regulator);
        var person = SampleRegistration.IdNumber("54010219850101301");
        var listed = SampleRegistration.Code("MA6TRP11");
        (await regulator.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(listed, "rp-listed", person: person, establishedOn: "2024-05-06"))).EnsureSuccessStatusCode();
        var company = await factory.NewBearerClientAsync("rp-founder", Roles.Applicant, uscc: listed);
        var serious = (await PostAsync(regulator, "/api/v1/credit/serious-listings", new { uscc = listed, cause = "SafetyHarm", decisionNumber = "拉市监严〔2025〕61号", facts = "产品致人伤害", listedOn = "2025-11-20" }, HttpStatusCode.Created)).As<SeriousView>().Id;
        var elsewhere = SampleRegistration.Code("MA6TRP12");
        await PostAsync(regulator, "/api/v1/registry/registrations", SampleRegistration.Json(elsewhere, "rp-barred", person: person), HttpStatusCode.Conflict);

        var repair = (await PostAsync(company, "/api/v1/credit/repairs", Repair("SeriousListing", serious, await UploadAsync(company, "整改报告.pdf")), HttpStatusCode.Created)).As<RepairView>().Id;
        await PostAsync(regulator, $"/api/v1/credit/repairs/{repair}/decision", new { approve = true, reasons = "已整改满一年，未再发生违法行为" }, HttpStatusCode.OK);

        await PostAsync(regulator, "/api/v1/registry/registrations", SampleRegistration.Json(elsewhere, "rp-free", person: person), HttpStatusCode.Created);
        Assert.Empty(await RulesAsync(regulator, listed));
    }
}
