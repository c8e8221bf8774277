using Microsoft.Playwright;
using Zhengzhao.Common;
using Zhengzhao.Credit;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Browser.Tests;

/// <summary>
/// 企业信用信息公示 in a browser, with no sign-in: a visitor searches two characters of a name, opens the company from
/// the results, reads its permit and its penalty under their tabs, and prints the credit report.
/// </summary>
public sealed class PublicCreditSearchTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_visitor_finds_a_company_by_two_characters_reads_its_permit_and_penalty_and_prints_the_report()
    {
        var company = SamplePermits.ApplicantCompany;
        var permit = await SamplePermits.IssuedAsync(host.Factory, company, "包装装潢印刷品印刷");
        var penalty = await host.Factory.WithUseCaseAsync<RecordPenalty, Result<RecordPenalty.Recorded>>(record => record.HandleAsync(new(
            "藏新广罚〔2026〕88号", company, "《印刷业管理条例》第三十八条", "未按规定保存印刷委托书", PenaltyMeasure.Fine, 2000m, new DateOnly(2026, 11, 24), "XZ-XWGD", new Actor(AccountSeeder.DemoUserName(Roles.Approver)))));
        Assert.True(penalty.IsSuccess, penalty.Refusal?.Detail);
        await host.Factory.WithUseCaseAsync<CollectCreditEntries, int>(c => c.RunAsync());
        var visitor = await host.NewPageAsync();
        await visitor.AddInitScriptAsync("window.print = () => { window.printed = (window.printed || 0) + 1; };");

        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "企业信用信息公示" }).First.ClickAsync();
        await visitor.GetByLabel("企业名称或统一社会信用代码").FillAsync("味道");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();

        var results = visitor.GetByTestId("search-results");
        await Assertions.Expect(results.Locator("mark").First).ToHaveTextAsync("味道");
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "public-search.png"), FullPage = true });
        await results.GetByRole(AriaRole.Link, new() { Name = "拉萨雪域味道餐饮管理有限公司" }).ClickAsync();

        await Assertions.Expect(visitor).ToHaveURLAsync(new Uri(host.BaseAddress, $"/Publicity/Enterprise/{company}").ToString());
        await visitor.GetByTestId("tabs").GetByRole(AriaRole.Link, new() { NameRegex = new("^行政许可") }).ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("tab-行政许可-entries")).ToContainTextAsync(permit.Number);
        await Assertions.Expect(visitor.GetByTestId("tab-行政处罚-entries")).ToContainTextAsync("藏新广罚〔2026〕88号");

        await visitor.GetByRole(AriaRole.Button, new() { Name = "打印信用报告" }).ClickAsync();
        Assert.Equal(1, await visitor.EvaluateAsync<int>("window.printed"));
        await visitor.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(visitor.GetByTestId("tabs")).ToBeHiddenAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Button, new() { Name = "打印信用报告" })).ToBeHiddenAsync();
        await Assertions.Expect(visitor.GetByTestId("tab-行政处罚-entries")).ToBeVisibleAsync();
        var report = await visitor.PdfAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "credit-report.pdf"), Format = "A4" });
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(report, 0, 4), StringComparison.Ordinal);
    }
}
