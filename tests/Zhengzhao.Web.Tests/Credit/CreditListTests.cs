using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Calendar;
using Zhengzhao.Credit;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Api.CreditListEndpoints;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;
using ApplicationView = Zhengzhao.Web.Api.LicensingEndpoints.ApplicationView;
using RecordView = Zhengzhao.Web.Api.CreditEndpoints.RecordView;
using RestrictionsView = Zhengzhao.Web.Api.CreditEndpoints.RestrictionsView;

namespace Zhengzhao.Web.Tests.Credit;

/// <summary>
/// The abnormal operations list and the serious-violation list: listing, objection, removal, the three-year move,
/// and what a listing restricts elsewhere (一处违法，处处受限) through the one rule table. Each test lists companies
/// of its own, with legal representatives of their own, so the restrictions never reach another test's company.
/// </summary>
public sealed class CreditListTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private const string Today = "2026-11-26";

    /// <summary>Founded long enough ago to owe annual reports and to have been listed three years back.</summary>
    private const string Founded = "2021-03-15";

    private async Task<(HttpClient Regulator, string Code)> RegisteredAsync(string orgBase, string person)
    {
        var regulator = await factory.BearerClientAsync(Roles.Regulator);
        var code = SampleRegistration.Code(orgBase);
        (await regulator.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, $"reg-{orgBase}", person: person, establishedOn: Founded))).EnsureSuccessStatusCode();
        return (regulator, code);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private static object Abnormal(string code, string number, string listedOn = Today, string cause = "Unreachable") =>
        new { uscc = code, cause, decisionNumber = number, facts = "经实地核查，通过登记的住所无法联系", listedOn };

    private static object Serious(string code, string number, string cause = "RepeatedViolations", Guid? fromAbnormal = null, string listedOn = Today) =>
        new { uscc = code, cause, decisionNumber = number, facts = "两年内因不正当竞争行为受到三次行政处罚", listedOn, fromAbnormal };

    private static async Task<RestrictionsView> RestrictionsAsync(HttpClient staff, string code, string? context = null) =>
        await (await staff.GetAsync($"/api/v1/credit/{code}/restrictions{(context is null ? string.Empty : $"?context={context}")}")).ReadAsAsync<RestrictionsView>();

    private static async Task<string[]> RulesAsync(HttpClient staff, string code) =>
        [.. (await RestrictionsAsync(staff, code)).Restrictions.Select(r => r.Rule)];

    [Fact]
    public async Task A_listing_is_published_on_the_record_and_brings_closer_review_and_a_raised_inspection_ratio()
    {
        var (regulator, code) = await RegisteredAsync("MA6TAB01", SampleRegistration.IdNumber("54010219850101201"));

        var invalid = await PostAsync(regulator, "/api/v1/credit/abnormal-listings", new { uscc = "915400001234", cause = "Unreachable", decisionNumber = "", facts = "", listedOn = "2026-12-31" }, HttpStatusCode.BadRequest);
        var listed = (await PostAsync(regulator, "/api/v1/credit/abnormal-listings", Abnormal(code, "拉市监异〔2026〕1号"), HttpStatusCode.Created)).As<AbnormalView>();
        var replayed = (await PostAsync(regulator, "/api/v1/credit/abnormal-listings", Abnormal(code, "拉市监异〔2026〕1号"), HttpStatusCode.OK)).As<AbnormalView>();
        var taken = await PostAsync(regulator, "/api/v1/credit/abnormal-listings", Abnormal(code, "拉市监异〔2026〕1号", cause: "FalseDisclosure"), HttpStatusCode.Conflict);
        var twice = await PostAsync(regulator, "/api/v1/credit/abnormal-listings", Abnormal(code, "拉市监异〔2026〕2号"), HttpStatusCode.Conflict);
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var forbidden = await applicant.PostAsJsonAsync("/api/v1/credit/abnormal-listings", Abnormal(code, "拉市监异〔2026〕3号"));

        Assert.Equal(["decisionNumber", "facts", "listedOn", "uscc"], invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal((new DateOnly(2026, 12, 28), new DateOnly(2029, 11, 26), "None"), (listed.ObjectionDeadline, listed.SeriousOn, listed.Objection));
        Assert.Equal(listed.Id, replayed.Id);
        Assert.True(replayed.Replayed);
        Assert.Equal("/problems/credit/duplicate-decision", taken.GetProperty("type").GetString());
        Assert.Contains("尚未移出", twice.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var record = await (await regulator.GetAsync($"/api/v1/credit/{code}/record")).ReadAsAsync<RecordView>();
        var entry = Assert.Single(record.Entries, e => e.Kind == "AbnormalListing");
        Assert.Equal(("经营异常名录", "工商局"), (entry.Section, entry.Authority));
        Assert.Equal(["LJ-05", "LJ-06"], await RulesAsync(regulator, code));
        var ratio = (await RestrictionsAsync(regulator, code, "Inspection")).Restrictions[0];
        Assert.Equal(2, ratio.RatioMultiplier);
        Assert.StartsWith("该企业于 2026-11-26 因通过登记的住所或者经营场所无法联系被列入经营异常名录（拉市监异〔2026〕1号）", ratio.Reason, StringComparison.Ordinal);

        // Any department that takes an application from the company sees the flag, with the rule and the reason.
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var filed = await (await FileAsync(clerk, new { uscc = code, itemCode = "SL-010", route = "Ordinary", materials = await factory.RequiredMaterialsAsync(clerk, "SL-010", code), agent = await AgentAsync(clerk, code) })).ReadAsAsync<ApplicationView>();
        Assert.StartsWith("规则 LJ-05：该企业于 2026-11-26 因通过登记的住所", filed.CloserReview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_objection_within_thirty_days_is_accepted_verified_and_if_upheld_removes_the_listing()
    {
        var (regulator, code) = await RegisteredAsync("MA6TAB02", SampleRegistration.IdNumber("54010219850101202"));
        var listing = (await PostAsync(regulator, "/api/v1/credit/abnormal-listings", Abnormal(code, "拉市监异〔2026〕11号"), HttpStatusCode.Created)).As<AbnormalView>().Id;
        // A listing published on 20 October: its thirty days ended on Thursday 19 November.
        var late = await factory.WithDbAsync(async db =>
        {
            var calendar = await factory.Services.GetRequiredService<CalendarCache>().GetAsync(db);
            var published = new AbnormalListing(code, "拉萨双告知测试有限公司", AbnormalCause.AnnualReportNotFiled, "拉市监异〔2026〕12号", "未报送 2025 年度报告", "XZ-GSJ", "工商局", new DateOnly(2026, 10, 20), "demo-regulator", new DateOnly(2026, 10, 20), calendar, "540172");
            db.AbnormalListings.Add(published);
            await db.SaveArrangedAsync(factory.Clock);
            return published.Id;
        });
        var objection = $"/api/v1/credit/abnormal-listings/{listing}/objection";

        // The demo applicant's company is another: it cannot see, let alone object to, this listing.
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.PostAsJsonAsync(objection, new { text = "非本企业" })).StatusCode);
        await PostAsync(regulator, objection + "/accept", new { }, HttpStatusCode.Conflict);
        var lodged = (await PostAsync(regulator, objection, new { text = "企业已在原址正常经营，可以联系" }, HttpStatusCode.OK)).As<AbnormalView>();
        await PostAsync(regulator, objection, new { text = "再次提出" }, HttpStatusCode.Conflict);
        var tooLate = await PostAsync(regulator, $"/api/v1/credit/abnormal-listings/{late}/objection", new { text = "逾期" }, HttpStatusCode.Conflict);
        var otherDepartment = await factory.NewBearerClientAsync("lasa-regulator", Roles.Regulator, "XZ-XWGD", "540000");
        await PostAsync(otherDepartment, objection + "/accept", new { }, HttpStatusCode.Forbidden);
        await PostAsync(regulator, objection + "/uphold", new { text = "核实" }, HttpStatusCode.Conflict);
        var accepted = (await PostAsync(regulator, objection + "/accept", new { }, HttpStatusCode.OK)).As<AbnormalView>();
        await PostAsync(regulator, objection + "/uphold", new { text = "" }, HttpStatusCode.BadRequest);
        var upheld = (await PostAsync(regulator, objection + "/uphold", new { text = "实地复核，企业在登记住所正常经营" }, HttpStatusCode.OK)).As<AbnormalView>();
        await PostAsync(regulator, $"/api/v1/credit/abnormal-listings/{listing}/removal", new { text = "再次移出" }, HttpStatusCode.Conflict);
        var afterRemoval = await PostAsync(regulator, objection + "/dismiss", new { text = "改判" }, HttpStatusCode.Conflict);
        Assert.Equal("/problems/credit/listing-ended", afterRemoval.GetProperty("type").GetString());

        // Five working days to accept from Thursday 26 November; twenty more to verify from the acceptance.
        Assert.Equal(("Lodged", new DateOnly(2026, 12, 3)), (lodged.Objection, lodged.ObjectionDueOn!.Value));
        Assert.Contains("异议应自公示之日（2026-10-20）起 30 日内提出，即不晚于 2026-11-19。", tooLate.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(("Accepted", new DateOnly(2026, 12, 24)), (accepted.Objection, accepted.ObjectionDueOn!.Value));
        Assert.Equal(("Upheld", "ObjectionUpheld", new DateOnly(2026, 11, 26)), (upheld.Objection, upheld.RemovedFor, upheld.RemovedOn!.Value));
        var removal = await factory.WithDbAsync(db => db.CreditEntries.SingleAsync(e => e.Source == CreditSource.Delisting && e.SourceId == listing));
        Assert.Equal((CreditEntryKind.AbnormalRemoval, "移出原因：异议成立；实地复核，企业在登记住所正常经营；移出日期 2026-11-26"), (removal.Kind, removal.Detail));
        var trail = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == listing.ToString()).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
        Assert.Equal(["credit.abnormal-listed", "credit.objection-lodge", "credit.objection-accept", "credit.objection-uphold"], trail);

        // The other listing still stands; curing its cause removes it.
        Assert.Equal(["LJ-05", "LJ-06"], await RulesAsync(regulator, code));
        var cured = (await PostAsync(regulator, $"/api/v1/credit/abnormal-listings/{late}/removal", new { text = "已补报 2025 年度报告并公示" }, HttpStatusCode.OK)).As<AbnormalView>();
        Assert.Equal("Cured", cured.RemovedFor);
        Assert.Empty(await RulesAsync(regulator, code));
    }

    [Fact]
    public async Task Three_years_on_the_abnormal_list_are_proposed_for_the_serious_list_and_the_regulator_confirms()
    {
        var (regulator, code) = await RegisteredAsync("MA6TAB03", SampleRegistration.IdNumber("54010219850101203"));
        var old = (await PostAsync(regulator, "/api/v1/credit/abnormal-listings", Abnormal(code, "拉市监异〔2023〕21号", "2023-11-26", "AnnualReportNotFiled"), HttpStatusCode.Created)).As<AbnormalView>().Id;
        var recent = (await PostAsync(regulator, "/api/v1/credit/abnormal-listings", Abnormal(code, "拉市监异〔2026〕22号"), HttpStatusCode.Created)).As<AbnormalView>().Id;

        var lists = await (await regulator.GetAsync("/api/v1/credit/listings")).ReadAsAsync<ListsView>();
        Assert.Contains(lists.DueForSerious, l => l.Id == old);
        Assert.DoesNotContain(lists.DueForSerious, l => l.Id == recent);
        var early = await PostAsync(regulator, "/api/v1/credit/serious-listings", Serious(code, "拉市监严〔2026〕1号", cause: "", fromAbnormal: recent), HttpStatusCode.Conflict);
        Assert.Contains("2029-11-26 届满三年", early.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await PostAsync(regulator, "/api/v1/credit/serious-listings", Serious(code, "拉市监严〔2026〕1号", cause: "AbnormalListExpired"), HttpStatusCode.BadRequest);

        var otherDepartment = await factory.NewBearerClientAsync("xwgd-regulator", Roles.Regulator, "XZ-XWGD", "540000");
        await PostAsync(otherDepartment, "/api/v1/credit/serious-listings", Serious(code, "藏新广严〔2026〕1号", cause: "", fromAbnormal: old), HttpStatusCode.Forbidden);
        var moved = (await PostAsync(regulator, "/api/v1/credit/serious-listings", Serious(code, "拉市监严〔2026〕1号", cause: "", fromAbnormal: old), HttpStatusCode.Created)).As<SeriousView>();

        Assert.Equal(("AbnormalListExpired", new DateOnly(2031, 11, 26), new DateOnly(2029, 11, 26), "达瓦"), (moved.Cause, moved.EndsOn, moved.RepresentativeBarEndsOn, moved.LegalRepresentative));
        Assert.Contains("行政复议", moved.Remedies, StringComparison.Ordinal);
        var closed = await factory.WithDbAsync(db => db.AbnormalListings.SingleAsync(l => l.Id == old));
        Assert.Equal((ListingEnd.MovedToSerious, new DateOnly(2026, 11, 26)), (closed.RemovedFor, closed.RemovedOn));
        var kinds = await factory.WithDbAsync(db => db.CreditEntries.Where(e => e.Uscc == code).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal([CreditEntryKind.AbnormalListing, CreditEntryKind.AbnormalListing, CreditEntryKind.AbnormalRemoval, CreditEntryKind.SeriousListing], kinds);
        Assert.Equal(["LJ-01", "LJ-02", "LJ-03", "LJ-04", "LJ-05", "LJ-06"], await RulesAsync(regulator, code));
        await PostAsync(regulator, "/api/v1/credit/serious-listings", Serious(code, "拉市监严〔2026〕2号"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_blacklisted_company_is_refused_the_commitment_route_and_its_applications_are_flagged()
    {
        var (regulator, code) = await RegisteredAsync("MA6TAB04", SampleRegistration.IdNumber("54010219850101204"));
        await PostAsync(regulator, "/api/v1/credit/serious-listings", Serious(code, "拉市监严〔2026〕11号"), HttpStatusCode.Created);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var materials = await factory.RequiredMaterialsAsync(clerk, "SL-010", code);
        var agent = await AgentAsync(clerk, code);

        var refused = await (await FileAsync(clerk, new { uscc = code, itemCode = "SL-010", route = "Commitment", materials, signatory = "达瓦", agent })).AssertProblemAsync(403);
        var ordinary = await (await FileAsync(clerk, new { uscc = code, itemCode = "SL-010", route = "Ordinary", materials, agent })).ReadAsAsync<ApplicationView>();
        var restrictions = await RestrictionsAsync(regulator, code, "Commitment");

        Assert.Equal("该企业于 2026-11-26 被工商局列入严重违法失信名单（拉市监严〔2026〕11号），信用修复前不能选择告知承诺方式，请按一般程序申请。（联合惩戒规则 LJ-01）", refused.GetProperty("detail").GetString());
        Assert.StartsWith("规则 LJ-02：该企业于 2026-11-26 被工商局列入严重违法失信名单", ordinary.CloserReview, StringComparison.Ordinal);
        var bar = Assert.Single(restrictions.Restrictions);
        Assert.Equal(("LJ-01", "SeriousList", "行政许可：告知承诺审批"), (bar.Rule, bar.Trigger, bar.AppliesIn));
        Assert.Contains("国发〔2018〕35号", bar.Basis, StringComparison.Ordinal);
        var worklist = WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Roles.WindowClerk)).GetStringAsync("/Licensing"));
        Assert.Contains($"{code} <span class=\"tag light-Red\" title=\"规则 LJ-02：", worklist, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decisions_listing_one_company_at_the_same_moment_list_it_once()
    {
        var (regulator, code) = await RegisteredAsync("MA6TAB08", SampleRegistration.IdNumber("54010219850101208"));

        var answers = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => regulator.PostAsJsonAsync("/api/v1/credit/serious-listings", Serious(code, $"拉市监严〔2026〕3{i}号"))));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("/problems/credit/already-listed", (await refused.ReadJsonAsync()).GetProperty("type").GetString());
        }

        var written = await factory.WithDbAsync(async db => (
            await db.SeriousListings.CountAsync(l => l.Uscc == code),
            await db.CreditEntries.CountAsync(e => e.Uscc == code && e.Kind == CreditEntryKind.SeriousListing)));
        Assert.Equal((1, 1), written);
    }

    [Fact]
    public async Task The_legal_representative_of_a_blacklisted_company_cannot_be_registered_as_one_elsewhere_for_three_years()
    {
        var barred = SampleRegistration.IdNumber("54010219850101205");
        var (regulator, code) = await RegisteredAsync("MA6TAB05", barred);
        await PostAsync(regulator, "/api/v1/credit/serious-listings", Serious(code, "拉市监严〔2026〕21号"), HttpStatusCode.Created);
        var elsewhere = SampleRegistration.Code("MA6TAB06");

        var refused = await PostAsync(regulator, "/api/v1/registry/registrations", SampleRegistration.Json(elsewhere, "reg-barred", person: barred), HttpStatusCode.Conflict);
        await PostAsync(regulator, "/api/v1/registry/registrations", SampleRegistration.Json(elsewhere, "reg-other", person: SampleRegistration.IdNumber("54010219850101206")), HttpStatusCode.Created);
        var change = await PostAsync(regulator, "/api/v1/registry/registrations", SampleRegistration.Json(elsewhere, "chg-barred", "Change", person: barred), HttpStatusCode.Conflict);

        // The listed company itself keeps its representative: the bar is on serving at another company.
        await PostAsync(regulator, "/api/v1/registry/registrations", SampleRegistration.Json(code, "chg-own", "Change", scope: "许可项目：电影发行。", person: barred), HttpStatusCode.OK);

        var detail = refused.GetProperty("detail").GetString()!;
        Assert.Equal("/problems/registry/representative-barred", refused.GetProperty("type").GetString());
        Assert.StartsWith($"达瓦系拉萨双告知测试有限公司{code[^4..]}（{code}）于 2026-11-26 列入严重违法失信名单时的法定代表人，2029-11-26 前不得担任其他企业的法定代表人。（联合惩戒规则 LJ-03", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(barred, detail, StringComparison.Ordinal);
        Assert.Equal(detail, change.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_regulator_lists_and_removes_on_the_lists_page_and_the_oversight_office_only_reads()
    {
        var (_, code) = await RegisteredAsync("MA6TAB07", SampleRegistration.IdNumber("54010219850101207"));
        var browser = await factory.CookieClientAsync(Roles.Regulator);
        const string page = "/Credit/Lists";
        var form = new Dictionary<string, string> { ["Uscc"] = code, ["Cause"] = "FalseDisclosure", ["DecisionNumber"] = "拉市监异〔2026〕41号", ["Facts"] = "年度报告公示的从业人数与实际不符", ["ListedOn"] = Today };

        var bad = await ReadAsync(await ZhengzhaoFactory.PostFormAsync(browser, $"{page}?handler=Abnormal", new(form) { ["Cause"] = "Bribery", ["Facts"] = "" }));
        var listed = await ReadAsync(await ZhengzhaoFactory.PostFormAsync(browser, $"{page}?handler=Abnormal", new(form)));
        var twice = await ReadAsync(await ZhengzhaoFactory.PostFormAsync(browser, $"{page}?handler=Abnormal", new(form)));
        var id = await factory.WithDbAsync(db => db.AbnormalListings.Where(l => l.Uscc == code).Select(l => l.Id).SingleAsync());
        var oversight = await factory.CookieClientAsync(Roles.Oversight);
        var read = await oversight.GetStringAsync(page);
        var refused = await ReadAsync(await ZhengzhaoFactory.PostFormAsync(oversight, $"{page}?handler=Remove", new() { ["ListingId"] = id.ToString(), ["Text"] = "越权" }));
        var removed = await ReadAsync(await ZhengzhaoFactory.PostFormAsync(browser, $"{page}?handler=Remove", new() { ["ListingId"] = id.ToString(), ["Text"] = "已更正年度报告并重新公示" }));

        Assert.Contains("请选择列入原因", bad, StringComparison.Ordinal);
        Assert.Contains("请填写列入事实", bad, StringComparison.Ordinal);
        Assert.Contains($"已将拉萨双告知测试有限公司{code[^4..]}列入经营异常名录，已记入信用记录并公示；异议期限至 2026-12-28。", listed, StringComparison.Ordinal);
        Assert.Contains("列入决定 拉市监异〔2026〕41号 已作出（重复提交未产生变化）。", twice, StringComparison.Ordinal);
        Assert.Contains("拉市监异〔2026〕41号", read, StringComparison.Ordinal);
        Assert.DoesNotContain("列入并公示", read, StringComparison.Ordinal);
        Assert.Contains("督查室只能查看名录。", refused, StringComparison.Ordinal);
        Assert.Contains($"已将拉萨双告知测试有限公司{code[^4..]}移出经营异常名录，已记入信用记录。", removed, StringComparison.Ordinal);
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task Nothing_is_decided_about_a_company_before_it_existed_and_a_new_company_owes_no_annual_report_yet()
    {
        var regulator = await factory.BearerClientAsync(Roles.Regulator);
        var code = SampleRegistration.Code("MA6TAB09");
        (await regulator.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, "reg-MA6TAB09", person: SampleRegistration.IdNumber("54010219850101209"), establishedOn: "2026-11-20"))).EnsureSuccessStatusCode();
        var approver = await factory.BearerClientAsync(Roles.Approver);

        var noReportYet = await PostAsync(regulator, "/api/v1/credit/abnormal-listings", Abnormal(code, "拉市监异〔2026〕91号", cause: "AnnualReportNotFiled"), HttpStatusCode.BadRequest);
        var listedEarly = await PostAsync(regulator, "/api/v1/credit/abnormal-listings", Abnormal(code, "拉市监异〔2026〕92号", listedOn: "2026-11-19"), HttpStatusCode.BadRequest);
        var seriousEarly = await PostAsync(regulator, "/api/v1/credit/serious-listings", Serious(code, "拉市监严〔2026〕93号", listedOn: "2026-11-02"), HttpStatusCode.BadRequest);
        var penaltyEarly = await PostAsync(approver, "/api/v1/credit/penalties", new { decisionNumber = "藏新广罚〔2026〕94号", uscc = code, legalBasis = "《中华人民共和国行政许可法》第八十一条", facts = "超范围经营", measure = "Warning", decidedOn = "2026-10-09" }, HttpStatusCode.BadRequest);
        var reportEarly = await PostAsync(regulator, "/api/v1/credit/annual-reports", new { uscc = code, year = 2025, filedOn = "2026-11-25" }, HttpStatusCode.BadRequest);

        Assert.Equal("/problems/credit/cause-cannot-apply", noReportYet.GetProperty("type").GetString());
        Assert.Contains("首份年度报告（2026 年度）应于 2027-06-30 前报送", noReportYet.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.All(new[] { (listedEarly, "listedOn"), (seriousEarly, "listedOn"), (penaltyEarly, "decidedOn"), (reportEarly, "year") }, refused =>
        {
            Assert.Equal("/problems/credit/before-founding", refused.Item1.GetProperty("type").GetString());
            Assert.True(refused.Item1.GetProperty("errors").TryGetProperty(refused.Item2, out _), refused.Item2);
        });
        Assert.Contains("早于拉萨双告知测试有限公司", penaltyEarly.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.CreditEntries.AnyAsync(e => e.Uscc == code && e.Kind != CreditEntryKind.Registration)));

        // The same listing on a true date, for a cause that can apply, goes through.
        await PostAsync(regulator, "/api/v1/credit/abnormal-listings", Abnormal(code, "拉市监异〔2026〕95号"), HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_rule_table_in_the_database_is_the_table_shipped()
    {
        var stored = await factory.WithDbAsync(db => db.DisciplineRules.OrderBy(r => r.Code).ToListAsync());

        Assert.Equal(
            DisciplineRule.Shipped.Select(r => (r.Code, r.Trigger, r.Restriction, r.AppliesIn, r.Basis, r.EffectiveFrom, r.EffectiveTo, r.RatioMultiplier)),
            stored.Select(r => (r.Code, r.Trigger, r.Restriction, r.AppliesIn, r.Basis, r.EffectiveFrom, r.EffectiveTo, r.RatioMultiplier)));
    }
}
