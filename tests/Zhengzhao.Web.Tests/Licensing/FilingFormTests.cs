using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;
using ApplicationView = Zhengzhao.Web.Api.LicensingEndpoints.ApplicationView;

namespace Zhengzhao.Web.Tests.Licensing;

/// <summary>
/// The filing page (/Licensing/New) settles who files for whom before the form is filled in: at 下一步 a window clerk
/// (拉萨经开区 540172) learns that a code is mistyped, or that the company is not the window's to file for, and is
/// shown no form; a company that already has an application of the item open is shown it and files another only once
/// it confirms that another is meant.
/// </summary>
public sealed class FilingFormTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task A_code_with_a_wrong_check_character_is_told_at_the_field_and_no_form_is_shown()
    {
        var code = SampleRegistration.Code("MA6TKN03");
        var wrong = code[..17] + (code[17] == '0' ? '1' : '0');

        var page = await NextStepAsync(wrong);

        Assert.Contains("校验码错误：第18位应为", Between(page, "data-testid=\"uscc-error\">", "</span>"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"file-form\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_company_of_another_region_and_a_code_not_registered_are_each_told_once_at_the_field_and_no_form_is_shown()
    {
        var elsewhere = await RegisteredAsync("MA6TKN02", "540102");
        var unknown = SampleRegistration.Code("MA6TKN99");

        var outside = await NextStepAsync(elsewhere);
        var nowhere = await NextStepAsync(unknown);

        Assert.Contains("该企业登记在城关区，不属于本窗口辖区", Between(outside, "data-testid=\"uscc-error\">", "</span>"), StringComparison.Ordinal);
        Assert.Contains("未找到该统一社会信用代码的市场主体", Between(nowhere, "data-testid=\"uscc-error\">", "</span>"), StringComparison.Ordinal);
        Assert.All(new[] { outside, nowhere }, page =>
        {
            Assert.DoesNotContain("data-testid=\"file-error\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("部门", Between(page, "data-testid=\"uscc-error\">", "</span>"), StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"file-form\"", page, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_company_of_the_clerks_region_opens_the_form_with_the_agent_fields()
    {
        var own = await RegisteredAsync("MA6TKN01");

        var page = await NextStepAsync(own);

        Assert.Contains("data-testid=\"file-form\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"agent\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"file-error\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_filing_of_an_item_the_company_has_open_is_shown_the_open_one_and_filed_only_once_confirmed()
    {
        var api = await factory.BearerClientAsync(Roles.Applicant);
        var first = await (await FileAsync(api, new { itemCode = "SL-016", materials = await factory.RequiredMaterialsAsync(api, "SL-016") })).ReadAsAsync<ApplicationView>();
        var (firstId, firstNumber) = (first.Id, first.Number!);
        var browser = await factory.CookieClientAsync(Roles.Applicant);

        var form = WebUtility.HtmlDecode(await browser.GetStringAsync("/Licensing/New?item=SL-016"));
        var unconfirmed = await SendAsync(browser, form, anotherMeant: false);
        var unconfirmedPage = WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync());
        var countAfterUnconfirmed = await OpenCountAsync();
        var confirmed = await SendAsync(browser, form, anotherMeant: true);

        var warning = Between(form, "data-testid=\"open-applications\"", "</div>");
        Assert.Contains("该事项已有办理中的申请", warning, StringComparison.Ordinal);
        Assert.Contains($"编号 {firstNumber}", warning, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Licensing/Application/{firstId}\"", warning, StringComparison.Ordinal);
        Assert.Contains("如仍需另行申请请确认", warning, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("请勾选确认", unconfirmedPage, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(unconfirmedPage, "该事项已有办理中的申请"));
        Assert.Contains($"（{Zhengzhao.Licensing.ApplicationStates.Name(Zhengzhao.Licensing.ApplicationState.Submitted)}）</a></span>，如仍需", unconfirmedPage, StringComparison.Ordinal);
        Assert.Equal(1, countAfterUnconfirmed);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(2, await OpenCountAsync());
    }

    [Fact]
    public async Task The_same_form_sent_twice_files_one_application_without_warning_of_itself()
    {
        var browser = await factory.CookieClientAsync(Roles.Applicant);

        var form = WebUtility.HtmlDecode(await browser.GetStringAsync("/Licensing/New?item=SL-014"));
        var once = await SendAsync(browser, form, anotherMeant: false);
        var twice = await SendAsync(browser, form, anotherMeant: false);

        Assert.Equal(HttpStatusCode.Redirect, once.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Equal(once.Headers.Location, twice.Headers.Location);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Applications.CountAsync(a => a.ItemCode == "SL-014")));
    }

    [Fact]
    public async Task A_refused_window_filing_says_why_at_the_field_and_keeps_the_files_already_uploaded()
    {
        var company = await RegisteredAsync("MA6TKN05");
        var clerk = await factory.CookieClientAsync(Roles.WindowClerk);
        var form = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/Licensing/New?uscc={company}&item=SL-001"));
        var person = SampleRegistration.Person;
        var agent = new Dictionary<string, string> { ["Uscc"] = company, ["AgentName"] = "达瓦", ["AgentDocumentKind"] = "ResidentIdCard", ["AgentDocumentNumber"] = person[..17] + (person[17] == '0' ? '1' : '0') };

        var refused = await SendAsync(clerk, form, anotherMeant: false, agent);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var kept = Regex.Matches(page, "name=\"(file-\\d+)-upload\" value=\"([^\"]+)\"").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        agent["AgentDocumentNumber"] = person;
        var corrected = await SendAsync(clerk, page, anotherMeant: false, agent, kept);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("校验码", Between(page, "data-testid=\"field-error-AgentDocumentNumber\">", "</span>"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"file-error\"", page, StringComparison.Ordinal);
        Assert.NotEmpty(kept);
        Assert.Contains("已上传：材料.pdf", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(kept.Count, (await factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Uscc == company))).Materials.Count);
    }

    /// <summary>The clerk names a company and an item and presses 下一步.</summary>
    private async Task<string> NextStepAsync(string uscc)
    {
        var clerk = await factory.CookieClientAsync(Roles.WindowClerk);
        return WebUtility.HtmlDecode(await clerk.GetStringAsync($"/Licensing/New?uscc={uscc}&item=SL-001"));
    }

    /// <summary>
    /// Sends the form as shown on the ordinary route with the fields given: each material as a PDF, or, when uploads
    /// were kept by an earlier refusal, their ids instead of files.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(HttpClient browser, string form, bool anotherMeant, Dictionary<string, string>? fields = null, Dictionary<string, string>? kept = null)
    {
        var item = FormValue(form, "Item");
        var materials = await factory.WithDbAsync(db => db.ItemVersions.Where(v => v.ItemCode == item && !v.IsDraft).OrderByDescending(v => v.Number).Select(v => v.Content).FirstAsync());
        using var content = new MultipartFormDataContent
        {
            { new StringContent(ZhengzhaoFactory.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent(item), "Item" },
            { new StringContent(FormValue(form, "FormKey")), "FormKey" },
            { new StringContent("Ordinary"), "Route" },
            { new StringContent(anotherMeant ? "true" : "false"), "AnotherMeant" },
        };
        foreach (var (name, value) in fields ?? [])
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (input, upload) in kept ?? [])
        {
            content.Add(new StringContent(upload), $"{input}-upload");
        }

        for (var i = 0; i < materials.Materials.Count && kept is null; i++)
        {
            var file = new ByteArrayContent(Pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, $"file-{i}", "材料.pdf");
        }

        return await browser.PostAsync("/Licensing/New", content);
    }

    private Task<int> OpenCountAsync() =>
        factory.WithDbAsync(db => db.Applications.CountAsync(a => a.ItemCode == "SL-016" && a.Uscc == AccountSeeder.DemoEnterprise.Value && a.State != Zhengzhao.Licensing.ApplicationState.Withdrawn));

    private async Task<string> RegisteredAsync(string orgBase, string region = "540172")
    {
        var code = SampleRegistration.Code(orgBase, region);
        (await (await factory.BearerClientAsync(Roles.Regulator)).PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, "filing-form-" + orgBase))).EnsureSuccessStatusCode();
        return code;
    }

    private static string FormValue(string page, string name)
    {
        var match = Regex.Match(page, $"name=\"{name}\" value=\"([^\"]*)\"");
        Assert.True(match.Success, $"No {name} on the form");
        return match.Groups[1].Value;
    }

    private static string Between(string page, string start, string end)
    {
        var from = page.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"Not on the page: {start}");
        var to = page.IndexOf(end, from, StringComparison.Ordinal);
        return page[from..to];
    }
}
