using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;
using ApplicationView = Zhengzhao.Web.Api.LicensingEndpoints.ApplicationView;

namespace Zhengzhao.Web.Tests.Licensing;

/// <summary>
/// Who may act in which company's name, one use case at a time: the company itself, another company, the window clerk
/// of the company's region (the demo clerk, 拉萨经开区 540172), a clerk of another region (城关区 540102), department
/// staff and the anonymous. A clerk files anew for a company of its region, recording the agent who came; it never
/// hands in or completes what the company itself began online.
/// </summary>
public sealed class CompanyScopeTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private static readonly string Own = AccountSeeder.DemoEnterprise.Value;

    [Fact]
    public async Task Filing_is_for_the_company_itself_or_a_clerk_of_its_region_with_the_agent_who_came()
    {
        var (applicant, clerk, elsewhere, approver) = await CallersAsync("file");
        var other = await RegisteredAsync("MA6TKF01");
        var nowhere = SampleRegistration.Code("MA6TKF99");
        var materials = await factory.RequiredMaterialsAsync(applicant, "SL-001");

        var itself = await (await FileAsync(applicant, new { itemCode = "SL-001", materials })).ReadAsAsync<ApplicationView>();
        var naming = await (await FileAsync(applicant, new { uscc = other, itemCode = "SL-001", materials })).ReadAsAsync<ApplicationView>();
        var forIt = await FileAsync(clerk, new { uscc = other, itemCode = "SL-001", materials = await factory.RequiredMaterialsAsync(clerk, "SL-001", other), agent = await AgentAsync(clerk, other) });
        var outside = await (await FileAsync(elsewhere, new { uscc = other, itemCode = "SL-001", materials = Array.Empty<object>(), agent = new { name = "次仁" } })).AssertProblemAsync(403);
        var unknown = await (await FileAsync(elsewhere, new { uscc = nowhere, itemCode = "SL-001", materials = Array.Empty<object>() })).AssertProblemAsync(403);

        Assert.Equal(Own, itself.Uscc);
        Assert.Equal(Own, naming.Uscc);
        Assert.Equal(HttpStatusCode.Created, forIt.StatusCode);
        Assert.Equal(other, (await forIt.ReadAsAsync<ApplicationView>()).Uscc);
        Assert.Equal("/problems/licensing/company-out-of-scope", outside.GetProperty("type").GetString());
        Assert.Equal(outside.GetProperty("type").GetString(), unknown.GetProperty("type").GetString());
        Assert.Contains("不属于本窗口辖区", outside.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("未找到该统一社会信用代码的市场主体", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await FileAsync(approver, new { uscc = other, itemCode = "SL-001", materials })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await FileAsync(factory.Anonymous(), new { uscc = other, itemCode = "SL-001", materials })).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Applications.CountAsync(a => a.Uscc == nowhere)));
    }

    [Fact]
    public async Task The_window_that_filed_a_filing_sees_it_complete_and_opens_its_receipt_to_print_for_the_agent_but_another_regions_window_does_not()
    {
        var (_, clerk, elsewhere, _) = await CallersAsync("receipt");
        var other = await RegisteredAsync("MA6TKR01");
        var filed = await FileAsync(clerk, new { uscc = other, itemCode = "SL-002", materials = await factory.RequiredMaterialsAsync(clerk, "SL-002", other), agent = await AgentAsync(clerk, other) });
        var id = (await filed.ReadAsAsync<ApplicationView>()).Id;
        var permit = await factory.WithDbAsync(db => db.Permits.SingleAsync(p => p.ApplicationId == id));
        var number = permit.Number;

        var browser = await factory.CookieClientAsync(Roles.WindowClerk);
        var application = await browser.GetStringAsync($"/Licensing/Application/{id}");
        var page = await browser.GetAsync($"/Permits/{permit.Id}");

        Assert.Contains("查看备案凭证", application, StringComparison.Ordinal);
        Assert.Contains("提交 / 备案", application, StringComparison.Ordinal);
        Assert.DoesNotContain("受理后计算", application, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(number, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/api/v1/permits/{number}/detail")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/v1/permits/{number}/detail")).StatusCode);
    }

    [Fact]
    public async Task A_draft_is_handed_in_by_whoever_began_it_the_company_or_the_window_with_its_agent()
    {
        var (applicant, clerk, elsewhere, approver) = await CallersAsync("submit");
        var other = await RegisteredAsync("MA6TKB01");
        var stranger = await factory.NewBearerClientAsync("scope-submit-stranger", Roles.Applicant, uscc: other);
        var draft = await DraftAsync(applicant, new { itemCode = "SL-001", materials = await factory.RequiredMaterialsAsync(applicant, "SL-001"), submit = false });
        var windowDraft = await DraftAsync(clerk, new { uscc = other, itemCode = "SL-001", materials = await factory.RequiredMaterialsAsync(clerk, "SL-001", other), agent = await AgentAsync(clerk, other, "格桑"), submit = false });

        await ActAsync(stranger, draft, "submit", expected: HttpStatusCode.NotFound);
        var notTheClerks = await ActAsync(clerk, draft, "submit", expected: HttpStatusCode.Forbidden);
        await ActAsync(elsewhere, draft, "submit", expected: HttpStatusCode.NotFound);
        await ActAsync(elsewhere, windowDraft, "submit", expected: HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(approver, draft, "submit"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(factory.Anonymous(), draft, "submit"));
        var byItself = (await ActAsync(applicant, draft, "submit")).As<ApplicationView>();
        var atWindow = (await ActAsync(clerk, windowDraft, "submit")).As<ApplicationView>();

        Assert.Equal("/problems/licensing/company-acts-itself", notTheClerks.GetProperty("type").GetString());
        Assert.Equal("Filed", byItself.State);
        Assert.Equal("Filed", atWindow.State);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityId == windowDraft.ToString() && e.Action == "licensing.submitted"));
        Assert.Equal("demo-windowclerk", audit.Actor);
        Assert.Contains($"窗口代 {other} 办理，代办人 格桑", audit.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supplement_to_the_companys_own_application_is_completed_by_the_company_alone()
    {
        var (applicant, clerk, elsewhere, approver) = await CallersAsync("supplement");
        var stranger = await factory.NewBearerClientAsync("scope-supplement-stranger", Roles.Applicant, uscc: await RegisteredAsync("MA6TKU01"));
        var id = await DraftAsync(applicant, new { itemCode = "SL-016", materials = await factory.RequiredMaterialsAsync(applicant, "SL-016") });
        await ActAsync(clerk, id, "supplement", new { items = new[] { new { material = "营业执照", problem = "复印件模糊不清" } } });
        var upload = await UploadAsync(applicant);
        var materials = new { materials = new[] { new { name = "营业执照", upload } } };

        await ActAsync(stranger, id, "supplement-complete", materials, HttpStatusCode.NotFound);
        var notTheClerks = await ActAsync(clerk, id, "supplement-complete", materials, HttpStatusCode.Forbidden);
        await ActAsync(elsewhere, id, "supplement-complete", materials, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(approver, id, "supplement-complete", materials));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(factory.Anonymous(), id, "supplement-complete", materials));
        var completed = (await ActAsync(applicant, id, "supplement-complete", materials)).As<ApplicationView>();

        Assert.Equal("/problems/licensing/company-acts-itself", notTheClerks.GetProperty("type").GetString());
        Assert.Equal("Submitted", completed.State);
    }

    [Fact]
    public async Task An_upload_is_in_the_name_of_the_company_itself_a_company_of_the_clerks_region_or_one_the_department_handles()
    {
        var (applicant, clerk, elsewhere, approver) = await CallersAsync("upload");
        var other = await RegisteredAsync("MA6TKL01");

        var own = await UploadAsync(applicant, uscc: other);
        var forIt = await UploadAsync(clerk, uscc: other);
        var outside = await (await UploadResponseAsync(elsewhere, other)).AssertProblemAsync(403);
        var unknown = await (await UploadResponseAsync(elsewhere, SampleRegistration.Code("MA6TKL99"))).AssertProblemAsync(403);
        var notItsMatter = await (await UploadResponseAsync(approver, other)).AssertProblemAsync(403);

        Assert.Equal(Own, await factory.WithDbAsync(db => db.MaterialUploads.Where(u => u.Id == own).Select(u => u.Uscc).SingleAsync()));
        Assert.Equal(other, await factory.WithDbAsync(db => db.MaterialUploads.Where(u => u.Id == forIt).Select(u => u.Uscc).SingleAsync()));
        Assert.Equal("/problems/licensing/company-out-of-scope", outside.GetProperty("type").GetString());
        Assert.Equal(outside.GetProperty("detail").GetString(), unknown.GetProperty("detail").GetString());
        Assert.Equal(outside.GetProperty("detail").GetString(), notItsMatter.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadResponseAsync(factory.Anonymous(), other)).StatusCode);
    }

    [Fact]
    public async Task The_window_records_the_agent_checks_who_they_are_and_keeps_the_document_number_masked()
    {
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var other = await RegisteredAsync("MA6TKA01");
        var neighbour = await RegisteredAsync("MA6TKA02");
        var materials = await factory.RequiredMaterialsAsync(clerk, "SL-001", other);
        var foreignLetter = await UploadAsync(clerk, "授权委托书.pdf", uscc: neighbour);
        var stranger = SampleRegistration.IdNumber("54010219950505201");

        var none = await (await FileAsync(clerk, new { uscc = other, itemCode = "SL-001", materials })).AssertProblemAsync(400);
        var badNumber = await (await FileAsync(clerk, new { uscc = other, itemCode = "SL-001", materials, agent = new { name = "次仁", documentKind = "ResidentIdCard", documentNumber = stranger[..17] + (stranger[17] == '0' ? '1' : '0') } })).AssertProblemAsync(400);
        var noLetter = await (await FileAsync(clerk, new { uscc = other, itemCode = "SL-001", materials, agent = new { name = "次仁", documentKind = "ResidentIdCard", documentNumber = stranger } })).AssertProblemAsync(400);
        var theirLetter = await (await FileAsync(clerk, new { uscc = other, itemCode = "SL-001", materials, agent = new { name = "次仁", documentKind = "ResidentIdCard", documentNumber = stranger, powerOfAttorney = foreignLetter } })).AssertProblemAsync(400);
        var inPerson = await (await FileAsync(clerk, new { uscc = other, itemCode = "SL-001", materials, agent = new { name = "达瓦", documentKind = "ResidentIdCard", documentNumber = SampleRegistration.Person } })).ReadAsAsync<ApplicationView>();

        Assert.True(none.GetProperty("errors").TryGetProperty("agent", out _));
        Assert.Contains("校验码", badNumber.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("授权委托书", noLetter.GetProperty("errors").GetProperty("agent.powerOfAttorney")[0].GetString(), StringComparison.Ordinal);
        Assert.True(theirLetter.GetProperty("errors").TryGetProperty("agent.powerOfAttorney", out _));
        var agent = inPerson.Agent!;
        Assert.Equal(("达瓦", "居民身份证", true), (agent.Name, agent.DocumentKindName, agent.IsLegalRepresentative));
        Assert.Equal(SampleRegistration.Person[..4] + "**********" + SampleRegistration.Person[^4..], agent.DocumentNumber);
        var id = inPerson.Id;
        var stored = await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Agent).SingleAsync());
        Assert.DoesNotContain(SampleRegistration.Person, stored!.DocumentNumberProtected, StringComparison.Ordinal);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityId == id.ToString() && e.Action == "licensing.filed"));
        Assert.Equal("demo-windowclerk", audit.Actor);
        Assert.Contains($"窗口代 {other} 办理，代办人 达瓦", audit.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleRegistration.Person, audit.Summary, StringComparison.Ordinal);

        var page = await (await (await factory.CookieClientAsync(Roles.WindowClerk)).GetAsync($"/Licensing/Application/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("窗口代办：达瓦", page, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleRegistration.Person, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_text_has_a_maximum_and_an_over_long_one_is_refused_without_being_echoed()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var huge = new string('扎', 100_000);

        var signatory = await (await FileAsync(applicant, new { itemCode = "SL-010", route = "Commitment", materials = await factory.RequiredMaterialsAsync(applicant, "SL-010"), signatory = huge })).AssertProblemAsync(400);
        var id = await DraftAsync(applicant, new { itemCode = "SL-016", materials = await factory.RequiredMaterialsAsync(applicant, "SL-016") });
        var reason = await ActAsync(clerk, id, "not-accept", new { reason = huge }, HttpStatusCode.BadRequest);
        var items = await ActAsync(clerk, id, "supplement", new { items = new[] { new { material = "营业执照", problem = huge } } }, HttpStatusCode.BadRequest);
        var agent = await (await FileAsync(clerk, new { uscc = Own, itemCode = "SL-001", materials = Array.Empty<object>(), agent = new { name = huge, documentKind = "Passport", documentNumber = huge } })).AssertProblemAsync(400);

        Assert.Contains("告知承诺书签署人不超过50字", signatory.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("不超过1000字", reason.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("不超过500字", items.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["agent.name", "agent.documentNumber"], agent.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.All(new[] { signatory, reason, items, agent }, p => Assert.True(p.GetRawText().Length < 2000));
        Assert.Equal("Submitted", (await (await applicant.GetAsync($"/api/v1/licensing/applications/{id}")).ReadAsAsync<ApplicationView>()).State);
    }

    [Fact]
    public async Task An_uploaded_file_keeps_a_cleaned_name_and_never_its_directories()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);

        var id = await UploadAsync(applicant, "../../\u202E" + new string('证', 300) + ".pdf");

        var name = await factory.WithDbAsync(db => db.MaterialUploads.Where(u => u.Id == id).Select(u => u.FileName).SingleAsync());
        Assert.Equal(100, name.Length);
        Assert.Equal(new string('证', 96) + ".pdf", name);
    }

    private async Task<(HttpClient Applicant, HttpClient Clerk, HttpClient Elsewhere, HttpClient Approver)> CallersAsync(string test) =>
        (await factory.BearerClientAsync(Roles.Applicant),
         await factory.BearerClientAsync(Roles.WindowClerk),
         await factory.NewBearerClientAsync($"scope-{test}-chengguan", Roles.WindowClerk, "LS-JKQ", "540102"),
         await factory.BearerClientAsync(Roles.Approver));

    /// <summary>Another company of the Lhasa zone, registered for the test.</summary>
    private async Task<string> RegisteredAsync(string orgBase)
    {
        var code = SampleRegistration.Code(orgBase);
        (await (await factory.BearerClientAsync(Roles.Regulator)).PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, "scope-" + orgBase))).EnsureSuccessStatusCode();
        return code;
    }

    private static async Task<Guid> DraftAsync(HttpClient client, object body)
    {
        var response = await FileAsync(client, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsAsync<ApplicationView>()).Id;
    }

    /// <summary>The status alone, for answers the sign-in and role checks give before any use case runs.</summary>
    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, Guid id, string action, object? body = null) =>
        (await client.PostAsJsonAsync($"/api/v1/licensing/applications/{id}/{action}", body ?? new { })).StatusCode;

    private static async Task<HttpResponseMessage> UploadResponseAsync(HttpClient client, string uscc)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Pdf) { Headers = { ContentType = new("application/pdf") } }, "file", "材料.pdf" } };
        return await client.PostAsync("/api/v1/licensing/uploads?uscc=" + uscc, form);
    }
}
