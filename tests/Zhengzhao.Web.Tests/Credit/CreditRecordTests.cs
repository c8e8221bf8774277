using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Credit;
using Zhengzhao.Identity;
using Zhengzhao.Registry;
using Zhengzhao.Web.Tests.Infrastructure;
using Zhengzhao.Web.Tests.Licensing;
using static Zhengzhao.Web.Api.CreditEndpoints;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;
using ApplicationView = Zhengzhao.Web.Api.LicensingEndpoints.ApplicationView;

namespace Zhengzhao.Web.Tests.Credit;

/// <summary>
/// The credit record gathers what the register and licensing publish, once each, and the penalties departments
/// enter; an entry published more than 20 working days after it arose is counted late against its department.
/// </summary>
public sealed class CreditRecordTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private Task<int> CollectAsync() => factory.WithUseCaseAsync<CollectCreditEntries, int>(c => c.RunAsync());

    private static object Penalty(string number, string decidedOn = "2026-11-20", string measure = "Fine", decimal? amount = 5000m, string facts = "超范围经营") => new
    {
        decisionNumber = number,
        uscc = SamplePermits.ApplicantCompany,
        legalBasis = "《中华人民共和国行政许可法》第八十一条",
        facts,
        measure,
        amount,
        decidedOn,
    };

    [Fact]
    public async Task Registrations_and_permits_are_gathered_once_each_with_their_authority_and_publication_dates()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var registrar = await factory.BearerClientAsync(Roles.Regulator);
        var code = Uscc.Compose('9', '1', "540102", "MA6TCR01").Value;
        (await registrar.PostAsJsonAsync("/api/v1/registry/registrations", Registry.RegistryApi.Registration(code, "cr-reg", "拉萨信用测试有限公司"))).EnsureSuccessStatusCode();
        var filed = await (await FileAsync(applicant, new { itemCode = "SL-001", materials = await factory.RequiredMaterialsAsync(applicant, "SL-001") })).ReadAsAsync<ApplicationView>();
        var receipt = await factory.WithDbAsync(db => db.Permits.Where(p => p.ApplicationId == filed.Id).Select(p => p.Number).SingleAsync());

        // A bulk import's row in the register's history registered nothing, and is not a credit entry.
        var imported = await factory.WithDbAsync(async db =>
        {
            var row = new EnterpriseChange(code, "import-1", "存量导入", "导入自 存量主体.csv 第 2 行", DateTime.UtcNow);
            db.EnterpriseChanges.Add(row);
            await db.SaveArrangedAsync(factory.Clock);
            return row.Id;
        });

        var gathered = await Task.WhenAll(CollectAsync(), CollectAsync());
        var again = await CollectAsync();

        Assert.Equal(0, again);
        var sources = await factory.WithDbAsync(async db =>
            await db.EnterpriseChanges.CountAsync(c => c.Kind != "存量导入") + await db.LicensingEvents.CountAsync());
        Assert.Equal(sources, gathered.Sum());
        Assert.False(await factory.WithDbAsync(db => db.CreditEntries.AnyAsync(e => e.SourceId == imported)));
        var officer = await factory.BearerClientAsync(Roles.Approver);
        var record = await (await officer.GetAsync($"/api/v1/credit/{SamplePermits.ApplicantCompany}/record")).ReadAsAsync<RecordView>();
        var filing = Assert.Single(record.Entries, e => e.Detail.Contains(receipt, StringComparison.Ordinal));
        Assert.Equal(("Filing", "行政许可", new DateOnly(2026, 11, 26), new DateOnly(2026, 12, 24), false), (filing.Kind, filing.Section, filing.PublishedOn, filing.PublishDueOn, filing.PublishedLate));
        Assert.Equal("食品药品监管局", filing.Authority);
        var registeredResponse = await officer.GetAsync($"/api/v1/credit/{code}/record");
        Assert.DoesNotMatch(@"\d{17}[\dX]", await registeredResponse.Content.ReadAsStringAsync());
        var registration = Assert.Single((await registeredResponse.ReadAsAsync<RecordView>()).Entries);
        Assert.Equal(("Registration", "拉萨市市场监督管理局"), (registration.Kind, registration.Authority));
        await (await officer.GetAsync($"/api/v1/credit/{Uscc.Compose('9', '1', "540102", "MA6TCR99").Value}/record")).AssertProblemAsync(404);
        var mistyped = await (await officer.GetAsync("/api/v1/credit/540102199001011030/record")).AssertProblemAsync(400);
        Assert.DoesNotContain("540102199001011030", mistyped.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await applicant.GetAsync($"/api/v1/credit/{code}/record")).AssertProblemAsync(403);
    }

    [Fact]
    public async Task A_penalty_goes_on_the_record_at_once_and_one_entered_late_is_counted_against_its_department()
    {
        var approver = await factory.BearerClientAsync(Roles.Approver);
        var head = await factory.NewBearerClientAsync("xwgd-credit-head", Roles.DepartmentAdmin, "XZ-XWGD", "540000");
        var oversight = await factory.BearerClientAsync(Roles.Oversight);

        var onTime = await approver.PostAsJsonAsync("/api/v1/credit/penalties", Penalty("藏新广罚〔2026〕1号"));
        var late = await approver.PostAsJsonAsync("/api/v1/credit/penalties", Penalty("藏新广罚〔2026〕2号", decidedOn: "2026-10-09", measure: "Warning", amount: null));
        var twice = await approver.PostAsJsonAsync("/api/v1/credit/penalties", Penalty("藏新广罚〔2026〕1号"));
        var reused = await approver.PostAsJsonAsync("/api/v1/credit/penalties", Penalty("藏新广罚〔2026〕1号", facts: "另一事实"));
        var noAmount = await approver.PostAsJsonAsync("/api/v1/credit/penalties", Penalty("藏新广罚〔2026〕3号", amount: null));
        var badMeasure = await approver.PostAsJsonAsync("/api/v1/credit/penalties", Penalty("藏新广罚〔2026〕4号", measure: "Flogging"));
        var future = await approver.PostAsJsonAsync("/api/v1/credit/penalties", Penalty("藏新广罚〔2026〕5号", decidedOn: "2026-12-01"));
        var warningWithAmount = await approver.PostAsJsonAsync("/api/v1/credit/penalties", Penalty("藏新广罚〔2026〕7号", measure: "Warning", amount: 100m));
        var byApplicant = await (await factory.BearerClientAsync(Roles.Applicant)).PostAsJsonAsync("/api/v1/credit/penalties", Penalty("藏新广罚〔2026〕6号"));

        Assert.Equal(HttpStatusCode.Created, onTime.StatusCode);
        var entry = (await onTime.ReadAsAsync<PenaltyView>()).Entry;
        Assert.Equal(("Penalty", "行政处罚：藏新广罚〔2026〕1号", "新闻出版广电局", false), (entry.Kind, entry.Title, entry.Authority, entry.PublishedLate));
        Assert.Contains("罚没金额 5000 元", entry.Detail, StringComparison.Ordinal);
        Assert.True((await late.ReadAsAsync<PenaltyView>()).Entry.PublishedLate);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.True((await twice.ReadAsAsync<PenaltyView>()).Replayed);
        Assert.Equal("/problems/credit/duplicate-decision", (await reused.AssertProblemAsync(409)).GetProperty("type").GetString());
        (await noAmount.AssertProblemAsync(400)).GetProperty("errors").GetProperty("amount");
        (await badMeasure.AssertProblemAsync(400)).GetProperty("errors").GetProperty("measure");
        (await future.AssertProblemAsync(400)).GetProperty("errors").GetProperty("decidedOn");
        (await warningWithAmount.AssertProblemAsync(400)).GetProperty("errors").GetProperty("amount");
        Assert.Equal(HttpStatusCode.Forbidden, byApplicant.StatusCode);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Penalties.CountAsync()));
        Assert.Equal(2, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "credit.penalty-recorded")));

        // Late entries of the department: the one entered late, not the one on time (another test may add its own).
        static List<string> Late(LateView[] list) =>
            [.. Assert.Single(list, d => d.DepartmentCode == "XZ-XWGD").Entries.Select(e => e.Title)];
        var headSees = Late(await (await head.GetAsync("/api/v1/credit/late-publications")).ReadAsAsync<LateView[]>());
        var oversightSees = Late(await (await oversight.GetAsync("/api/v1/credit/late-publications?from=2026-11-01&to=2026-11-30")).ReadAsAsync<LateView[]>());
        Assert.All(new[] { headSees, oversightSees }, titles =>
        {
            Assert.Contains("行政处罚：藏新广罚〔2026〕2号", titles);
            Assert.DoesNotContain("行政处罚：藏新广罚〔2026〕1号", titles);
        });
        Assert.Empty(await (await oversight.GetAsync("/api/v1/credit/late-publications?from=2026-10-01&to=2026-10-31")).ReadAsAsync<LateView[]>());
        await (await approver.GetAsync("/api/v1/credit/late-publications")).AssertProblemAsync(403);
        (await (await oversight.GetAsync("/api/v1/credit/late-publications?from=2026-12-01&to=2026-11-01")).AssertProblemAsync(400)).GetProperty("errors").GetProperty("from");
    }

    [Fact]
    public async Task An_officer_enters_a_penalty_on_the_page_and_finds_it_on_the_record_and_oversight_sees_it_late()
    {
        var officer = await factory.CookieClientAsync(Roles.Approver);
        var oversight = await factory.CookieClientAsync(Roles.Oversight);
        static Dictionary<string, string> Form(string number, string measure) => new()
        {
            ["DecisionNumber"] = number,
            ["Uscc"] = SamplePermits.ApplicantCompany,
            ["Facts"] = "未按规定公示许可证件",
            ["LegalBasis"] = "《电影产业促进法》第五十条",
            ["Measure"] = measure,
            ["Amount"] = "",
            ["DecidedOn"] = "2026-09-01",
        };

        var forged = WebUtility.HtmlDecode(await (await ZhengzhaoFactory.PostFormAsync(officer, "/Credit/Penalties", Form("藏新广罚〔2026〕31号", "Flogging"))).Content.ReadAsStringAsync());
        var entered = WebUtility.HtmlDecode(await (await ZhengzhaoFactory.PostFormAsync(officer, "/Credit/Penalties", Form("藏新广罚〔2026〕31号", "Warning"))).Content.ReadAsStringAsync());
        var record = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Credit/Record?code={SamplePermits.ApplicantCompany}"));
        var late = WebUtility.HtmlDecode(await oversight.GetStringAsync("/Credit/Late"));
        var unknown = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Credit/Record?code={Uscc.Compose('9', '1', "540102", "MA6TCR98").Value}"));

        Assert.Contains("请选择处罚种类", forged, StringComparison.Ordinal);
        Assert.Contains("已录入处罚决定 藏新广罚〔2026〕31号，已记入企业信用记录；已超过公示时限", entered, StringComparison.Ordinal);
        Assert.Contains("行政处罚：藏新广罚〔2026〕31号", record, StringComparison.Ordinal);
        Assert.Contains("逾期公示（应于", record, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"late-XZ-XWGD\"", late, StringComparison.Ordinal);
        Assert.Contains("行政处罚：藏新广罚〔2026〕31号", late, StringComparison.Ordinal);
        Assert.Contains("不在登记库中", unknown, StringComparison.Ordinal);
        var denied = await (await factory.CookieClientAsync(Roles.Applicant)).GetAsync("/Credit/Penalties");
        Assert.Equal(HttpStatusCode.Found, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location?.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_ask_what_restricts_a_company_and_see_the_rule_its_basis_and_the_reason()
    {
        var officer = await factory.BearerClientAsync(Roles.Approver);
        var code = SamplePermits.ApplicantCompany;
        var before = await (await officer.GetAsync($"/api/v1/credit/{code}/restrictions?context=Commitment")).ReadAsAsync<RestrictionsView>();
        await factory.WithDbAsync(async db =>
        {
            db.CommitmentBreaches.Add(new CommitmentBreach(code, "SL-010", Guid.NewGuid(), "承诺的放映场所与实际不符", "approver-a", new DateOnly(2026, 11, 20)));
            return await db.SaveArrangedAsync(factory.Clock);
        });

        var commitment = await (await officer.GetAsync($"/api/v1/credit/{code}/restrictions?context=Commitment")).ReadAsAsync<RestrictionsView>();
        var all = await (await officer.GetAsync($"/api/v1/credit/{code}/restrictions")).ReadAsAsync<RestrictionsView>();

        Assert.Empty(before.Restrictions);
        var bar = Assert.Single(commitment.Restrictions);
        Assert.Equal(("CommitmentRoute", "不适用告知承诺制", "CommitmentBreach"), (bar.Restriction, bar.RestrictionName, bar.Trigger));
        Assert.Equal(("LJ-07", "国发〔2018〕35号：作出虚假承诺的申请人，在信用修复前不适用告知承诺制"), (bar.Rule, bar.Basis));
        Assert.Equal("该企业于 2026-11-20 经核查存在虚假承诺（SL-010），信用修复前不能选择告知承诺方式，请按一般程序申请。", bar.Reason);
        Assert.Single(all.Restrictions);
        (await (await officer.GetAsync($"/api/v1/credit/{code}/restrictions?context=Loans")).AssertProblemAsync(400)).GetProperty("errors").GetProperty("context");
        await (await officer.GetAsync("/api/v1/credit/12345/restrictions")).AssertProblemAsync(400);
        await (await officer.GetAsync($"/api/v1/credit/{Uscc.Compose('9', '1', "540102", "MA6TCR97").Value}/restrictions")).AssertProblemAsync(404);
        await (await (await factory.BearerClientAsync(Roles.Applicant)).GetAsync($"/api/v1/credit/{code}/restrictions")).AssertProblemAsync(403);
    }

    [Fact]
    public async Task Annual_reports_show_each_year_owed_as_filed_on_time_late_or_not_at_all()
    {
        var regulator = await factory.BearerClientAsync(Roles.Regulator);
        var code = SampleRegistration.Code("MA6TAR01");
        (await regulator.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, "ar-reg", establishedOn: "2022-03-01"))).EnsureSuccessStatusCode();
        async Task<HttpResponseMessage> FileAsync(int year, string filedOn) => await regulator.PostAsJsonAsync("/api/v1/credit/annual-reports", new { uscc = code, year, filedOn });

        var thisYear = await (await FileAsync(2026, "2026-11-20")).AssertProblemAsync(400);
        var tooEarly = await (await FileAsync(2023, "2023-12-31")).AssertProblemAsync(400);
        (await FileAsync(2022, "2023-06-30")).EnsureSuccessStatusCode();
        var late = await (await FileAsync(2023, "2024-07-15")).ReadAsAsync<AnnualReportView>();
        var replayed = await FileAsync(2023, "2024-07-15");
        await (await FileAsync(2023, "2024-07-16")).AssertProblemAsync(409);

        Assert.Contains("year", thisYear.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal("2023 年度报告自 2024-01-01 起报送，报送日期不能早于该日。", tooEarly.GetProperty("errors").GetProperty("filedOn")[0].GetString());
        Assert.Equal(("FiledLate", "逾期报送"), (late.Status, late.StatusName));
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        var record = await (await regulator.GetAsync($"/api/v1/credit/{code}/record")).ReadAsAsync<RecordView>();
        Assert.Equal(
            [(2025, "NotFiled"), (2024, "NotFiled"), (2023, "FiledLate"), (2022, "Filed")],
            record.AnnualReports.Select(y => (y.Year, y.Status)));
        var entries = record.Entries.Where(e => e.Section == "年度报告").Select(e => e.Title);
        Assert.Equal(["2023 年度报告", "2022 年度报告"], entries);
    }

    [Fact]
    public async Task An_inspection_result_is_published_once_under_its_section()
    {
        var inspector = await factory.BearerClientAsync(Roles.Inspector);
        var inspection = Guid.NewGuid();
        var result = new { inspectionId = inspection, uscc = SamplePermits.ApplicantCompany, checkItem = "食品经营许可事项检查", outcome = "ProblemRectified", inspectedOn = "2026-11-24", note = "从业人员健康证过期，已当场责令改正" };

        var bad = await (await inspector.PostAsJsonAsync("/api/v1/credit/inspection-results", new { inspectionId = inspection, uscc = SamplePermits.ApplicantCompany, checkItem = "x", outcome = "Excellent", inspectedOn = "2026-11-24" })).AssertProblemAsync(400);
        var first = await inspector.PostAsJsonAsync("/api/v1/credit/inspection-results", result);
        var again = await inspector.PostAsJsonAsync("/api/v1/credit/inspection-results", result);
        var applicant = await factory.BearerClientAsync(Roles.Applicant);

        Assert.Contains("outcome", bad.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        var entry = await first.ReadAsAsync<EntryView>();
        Assert.Equal(entry.Id, (await again.ReadAsAsync<EntryView>()).Id);
        Assert.Equal(("抽查检查结果", "抽查检查：食品经营许可事项检查", "检查结果：发现问题已责令改正；从业人员健康证过期，已当场责令改正；检查日期 2026-11-24"), (entry.Section, entry.Title, entry.Detail));
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync("/api/v1/credit/inspection-results", result)).StatusCode);
        var different = await (await inspector.PostAsJsonAsync("/api/v1/credit/inspection-results", new { inspectionId = inspection, uscc = SamplePermits.ApplicantCompany, checkItem = "食品经营许可事项检查", outcome = "NoProblem", inspectedOn = "2026-11-24" })).AssertProblemAsync(409);
        Assert.Equal("/problems/credit/inspection-recorded", different.GetProperty("type").GetString());
        Assert.Equal(1, await factory.WithDbAsync(db => db.CreditEntries.CountAsync(e => e.Source == CreditSource.Inspection && e.SourceId == inspection)));
    }

    [Fact]
    public async Task An_officer_of_a_department_no_longer_in_use_cannot_enter_a_penalty_in_its_name()
    {
        await factory.WithDbAsync(async db =>
        {
            db.Departments.Add(new Zhengzhao.ReferenceData.Department("XZ-CLOSED", "已撤销的局", "540000", null));
            return await db.SaveArrangedAsync(factory.Clock);
        });
        var officer = await factory.NewBearerClientAsync("closed-inspector", Roles.Inspector, "XZ-CLOSED", "540000");
        await factory.WithDbAsync(async db =>
        {
            var department = await db.Departments.SingleAsync(d => d.Code == "XZ-CLOSED");
            department.Edit(department.Name, null, department.RegionCode, isActive: false);
            return await db.SaveArrangedAsync(factory.Clock);
        });

        var refused = await (await officer.PostAsJsonAsync("/api/v1/credit/penalties", Penalty("撤罚〔2026〕1号"))).AssertProblemAsync(403);

        Assert.Equal("/problems/credit/no-department", refused.GetProperty("type").GetString());
        Assert.False(await factory.WithDbAsync(db => db.Penalties.AnyAsync(p => p.DecisionNumber == "撤罚〔2026〕1号")));
    }

    [Fact]
    public async Task Every_late_entry_is_counted_and_the_latest_are_listed()
    {
        await factory.WithDbAsync(async db =>
        {
            db.Departments.Add(new Zhengzhao.ReferenceData.Department("XZ-LATE", "逾期测试局", "540000", null));
            var arisen = new DateOnly(2026, 1, 5);
            db.CreditEntries.AddRange(Enumerable.Range(0, ListLatePublications.EntriesListed + 5).Select(i =>
                new CreditEntry(SamplePermits.ApplicantCompany, CreditEntryKind.Penalty, $"逾期 {i}", "—", "逾期测试局", "XZ-LATE", arisen, arisen.AddDays(28), arisen.AddDays(60 + i), CreditSource.Penalty, Guid.NewGuid())));
            return await db.SaveArrangedAsync(factory.Clock);
        });

        var late = await factory.WithUseCaseAsync<ListLatePublications, Zhengzhao.Common.Result<IReadOnlyList<ListLatePublications.Department>>>(l => l.HandleAsync("XZ-LATE", new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 26)));

        var department = Assert.Single(late.Value!);
        Assert.Equal((ListLatePublications.EntriesListed + 5, ListLatePublications.EntriesListed), (department.Late, department.Entries.Count));
        Assert.Equal(("逾期 5", $"逾期 {ListLatePublications.EntriesListed + 4}"), (department.Entries[0].Title, department.Entries[^1].Title));
    }
}
