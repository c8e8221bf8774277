using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;
using ApplicationView = Zhengzhao.Web.Api.LicensingEndpoints.ApplicationView;

namespace Zhengzhao.Web.Tests.Licensing;

/// <summary>
/// The printable letters of an application, fetched as the applicant's browser does while the application goes from
/// the window's one-time notification through acceptance to a denial; each exists only once its act is done, and
/// only for those who may see the application. SL-016 (电影放映单位设立审批, transparent) is approved by the demo
/// approver's 新闻出版广电局, a regional department, whose decisions the regional government reconsiders.
/// </summary>
public sealed class LetterTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private static readonly (string Material, string Problem)[] Missing = [("营业执照", "复印件模糊不清"), ("放映场所产权证明或租赁合同", "租赁合同已过期")];

    private static async Task<string> LetterAsync(HttpClient browser, Guid id, string kind, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await browser.GetAsync($"/Licensing/Letter/{id}/{kind}");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == expected, $"{kind}: {(int)response.StatusCode} {page}");
        return page;
    }

    [Fact]
    public async Task An_application_prints_each_letter_once_its_act_is_done()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var approver = await factory.BearerClientAsync(Roles.Approver);
        var browser = await factory.CookieClientAsync(Roles.Applicant);
        var company = await factory.WithDbAsync(db => db.Enterprises.Where(e => e.Uscc == SamplePermits.ApplicantCompany).Select(e => e.Name).SingleAsync());
        var filed = await (await FileAsync(applicant, new { itemCode = "SL-016", materials = await factory.RequiredMaterialsAsync(applicant, "SL-016") })).ReadAsAsync<ApplicationView>();
        var id = filed.Id;
        var number = filed.Number!;

        await ActAsync(clerk, id, "supplement", new { items = Missing.Select(m => new { material = m.Material, problem = m.Problem }) });
        var supplement = await LetterAsync(browser, id, "supplement");
        var notYetAccepted = await LetterAsync(browser, id, "acceptance", HttpStatusCode.NotFound);

        var upload = await UploadAsync(applicant);
        (await applicant.PostAsJsonAsync($"/api/v1/licensing/applications/{id}/supplement-complete", new { materials = Missing.Select(m => new { name = m.Material, upload }) })).EnsureSuccessStatusCode();
        await ActAsync(clerk, id, "accept");
        var acceptance = await LetterAsync(browser, id, "acceptance");
        var notYetDecided = await LetterAsync(browser, id, "decision", HttpStatusCode.NotFound);

        await ActAsync(approver, id, "pause", new { kind = "Testing", reason = "送检放映设备" });
        var pausedPage = await browser.GetStringAsync($"/Licensing/Application/{id}");
        await ActAsync(approver, id, "resume");
        var pause = await LetterAsync(browser, id, "pause-1");
        var noSecondPause = await LetterAsync(browser, id, "pause-2", HttpStatusCode.NotFound);

        for (var step = 0; step < 5; step++)
        {
            await ActAsync(approver, id, "steps");
        }

        await ActAsync(approver, id, "decide", new { approve = false, reasons = "放映设备未达到国家电影技术标准，放映质量检测不合格。" });
        var decision = await LetterAsync(browser, id, "decision");
        var applicationPage = await browser.GetStringAsync($"/Licensing/Application/{id}");

        Assert.All(new[] { supplement, acceptance, pause, decision }, page =>
        {
            Assert.Contains(number, page, StringComparison.Ordinal);
            Assert.Contains(company, page, StringComparison.Ordinal);
            Assert.Contains("新闻出版广电局", page, StringComparison.Ordinal);
            Assert.Contains("（印章）", page, StringComparison.Ordinal);
            Assert.Contains("data-print", page, StringComparison.Ordinal);
        });
        Assert.Contains("补正告知书", supplement, StringComparison.Ordinal);
        Assert.All(Missing, m => Assert.Contains($"{m.Material}：{m.Problem}", supplement, StringComparison.Ordinal));
        Assert.Contains("不会就本申请再次要求补正", supplement, StringComparison.Ordinal);
        Assert.Contains("本申请尚未受理，还没有受理通知书。", notYetAccepted, StringComparison.Ordinal);
        Assert.Contains("受理通知书", acceptance, StringComparison.Ordinal);
        Assert.Contains("受理日期为2026年11月26日", acceptance, StringComparison.Ordinal);
        Assert.Contains("首办责任人为演示", acceptance, StringComparison.Ordinal);
        Assert.Contains("本申请尚未作出许可决定，还没有决定书。", notYetDecided, StringComparison.Ordinal);
        Assert.Contains($"/Licensing/Letter/{id}/pause-1", pausedPage, StringComparison.Ordinal);
        Assert.Contains("办理期限暂停告知书（检验检测）", pause, StringComparison.Ordinal);
        Assert.Contains("因本申请需要检验检测（送检放映设备）", pause, StringComparison.Ordinal);
        Assert.Contains("检验检测已于2026年11月26日结束", pause, StringComparison.Ordinal);
        Assert.Contains("本申请没有这一次暂停计时", noSecondPause, StringComparison.Ordinal);
        Assert.Contains("不予行政许可决定书", decision, StringComparison.Ordinal);
        Assert.Contains("放映设备未达到国家电影技术标准，放映质量检测不合格。", decision, StringComparison.Ordinal);
        Assert.Contains("六十日内向西藏自治区人民政府申请行政复议", decision, StringComparison.Ordinal);
        Assert.Contains("六个月内依法向人民法院提起行政诉讼", decision, StringComparison.Ordinal);
        Assert.Contains($"/Licensing/Letter/{id}/supplement", applicationPage, StringComparison.Ordinal);
        Assert.Contains($"/Licensing/Letter/{id}/acceptance", applicationPage, StringComparison.Ordinal);
        Assert.Contains($"/Licensing/Letter/{id}/decision", applicationPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Licensing/Letter/{id}/not-accepted", applicationPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_companys_applicant_and_an_unknown_letter_get_not_found()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var stranger = await factory.NewBearerClientAsync("letters-stranger", Roles.Applicant, uscc: SamplePermits.OtherCompany);
        var id = (await (await FileAsync(applicant, new { itemCode = "SL-016", materials = await factory.RequiredMaterialsAsync(applicant, "SL-016") })).ReadAsAsync<ApplicationView>()).Id;
        await ActAsync(clerk, id, "not-accept", new { reason = "申请事项依法不需要取得行政许可（《中华人民共和国行政许可法》第三十二条第一款第（一）项）。" });

        var own = await LetterAsync(applicant, id, "not-accepted");
        var theirs = await LetterAsync(stranger, id, "not-accepted", HttpStatusCode.NotFound);
        var unknown = await LetterAsync(applicant, id, "permit", HttpStatusCode.NotFound);

        Assert.Contains("不予受理决定书", own, StringComparison.Ordinal);
        Assert.Contains("申请事项依法不需要取得行政许可", own, StringComparison.Ordinal);
        Assert.Contains("六十日内向西藏自治区人民政府申请行政复议", own, StringComparison.Ordinal);
        Assert.Contains("没有这件申请，或您无权查看。", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("不予受理决定书", theirs, StringComparison.Ordinal);
        Assert.Contains("没有这种文书。", unknown, StringComparison.Ordinal);
    }
}
