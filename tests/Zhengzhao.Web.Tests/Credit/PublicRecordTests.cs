using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Zhengzhao.Credit;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;
using CompanyView = Zhengzhao.Web.Api.PublicEndpoints.CompanyView;

namespace Zhengzhao.Web.Tests.Credit;

/// <summary>
/// 企业信用信息公示: anyone reads a company's record by its code, on a permanent page or through the public API,
/// within a fair-use limit; no identity or phone number ever appears.
/// </summary>
public sealed class PublicRecordTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task Anyone_reads_a_company_by_tab_with_its_permits_and_published_penalties_and_no_personal_numbers()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var approver = await factory.BearerClientAsync(Roles.Approver);
        var code = SamplePermits.ApplicantCompany;
        (await FileAsync(applicant, new { itemCode = "SL-001", materials = await factory.RequiredMaterialsAsync(applicant, "SL-001") })).EnsureSuccessStatusCode();
        await factory.WithUseCaseAsync<CollectCreditEntries, int>(c => c.RunAsync());
        (await approver.PostAsJsonAsync("/api/v1/credit/penalties", new { decisionNumber = "藏新广罚〔2026〕71号", uscc = code, legalBasis = "《出版管理条例》第六十一条", facts = "超范围经营", measure = "Fine", amount = 3000m, decidedOn = "2026-11-20" })).EnsureSuccessStatusCode();
        (await approver.PostAsJsonAsync("/api/v1/credit/penalties", new { decisionNumber = "藏新广罚〔2023〕5号", uscc = code, legalBasis = "《出版管理条例》", facts = "三年前的违法行为", measure = "Warning", decidedOn = "2023-01-05" })).EnsureSuccessStatusCode();
        using var anyone = factory.CreateClient();

        var api = await anyone.GetAsync($"/api/v1/public/enterprises/{code}");
        var json = await api.Content.ReadAsStringAsync();
        var page = WebUtility.HtmlDecode(await anyone.GetStringAsync($"/Publicity/Enterprise/{code}"));
        var body = await api.ReadAsAsync<CompanyView>();

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(GetPublicRecord.Tabs, body.Sections.Keys);
        Assert.Contains(body.Sections["行政许可"], e => e.Kind == "备案");
        var penalties = body.Sections["行政处罚"].Select(e => e.Title).ToList();
        Assert.Equal(["行政处罚：藏新广罚〔2026〕71号"], penalties);
        Assert.Contains("行政处罚：藏新广罚〔2026〕71号", page, StringComparison.Ordinal);
        Assert.DoesNotContain("藏新广罚〔2023〕5号", page, StringComparison.Ordinal);
        Assert.Contains("打印信用报告", page, StringComparison.Ordinal);
        PersonalData.AssertNone(json);
        PersonalData.AssertNone(page);
    }

    [Fact]
    public async Task A_mistyped_or_unknown_code_is_told_plainly()
    {
        using var anyone = factory.CreateClient();

        var mistyped = await (await anyone.GetAsync("/api/v1/public/enterprises/540102199001011034")).AssertProblemAsync(400);
        await (await anyone.GetAsync($"/api/v1/public/enterprises/{SampleRegistration.Code("MA6TPB99")}")).AssertProblemAsync(404);

        Assert.DoesNotContain("540102199001011034", mistyped.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/Publicity/Enterprise/{SampleRegistration.Code("MA6TPB99")}")).StatusCode);
    }

    [Fact]
    public async Task Past_the_fair_use_limit_people_get_a_polite_page_and_the_api_a_problem_both_saying_when_to_retry()
    {
        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("PublicPortal:RequestsPerMinute", "4"));
        using var anyone = limited.CreateClient();
        var code = SamplePermits.ApplicantCompany;
        var search = Uri.EscapeDataString("有限");

        var allowed = new[]
        {
            await anyone.GetAsync($"/Publicity/Enterprise/{code}"), await anyone.GetAsync($"/api/v1/public/enterprises/{code}"),
            await anyone.GetAsync($"/Publicity?q={search}"), await anyone.GetAsync($"/api/v1/public/enterprises?q={search}"),
        };
        var page = await anyone.GetAsync($"/Publicity?q={search}");
        var api = await anyone.GetAsync($"/api/v1/public/enterprises?q={search}");
        var record = await anyone.GetAsync($"/Publicity/Enterprise/{code}");

        Assert.All(allowed, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal((HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests), (page.StatusCode, api.StatusCode, record.StatusCode));
        Assert.InRange(int.Parse(page.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.NotNull(api.Headers.RetryAfter);
        Assert.Contains("查询过于频繁", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/problems/too-many-requests", (await api.ReadJsonAsync()).GetProperty("type").GetString());
    }
}
