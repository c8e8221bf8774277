using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Identity;
using Zhengzhao.Registry;
using Zhengzhao.Web.Tests.Infrastructure;
using RegistrationResponse = Zhengzhao.Web.Api.RegistryEndpoints.RegistrationResponse;

namespace Zhengzhao.Web.Tests.Registry;

/// <summary>Registrations from the registrar's systems: recorded once per event, refused with reasons, encrypted where personal.</summary>
public sealed class RegistrationTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private static readonly string Code = Uscc.Compose('9', '1', "540102", "MA6TAB12").Value;
    private static readonly string Person = "54010219900101103" + IdentityNumber.ComputeCheckCharacter("54010219900101103");

    private static object Event(string eventId, string kind = "Registration", string? uscc = null, string scope = "许可项目：食品销售。一般项目：日用百货销售。", string? id = null, string established = "2026-11-20") => new
    {
        eventId,
        kind,
        uscc = uscc ?? Code,
        name = "拉萨城关区测试商贸有限公司",
        type = "DomesticCompany",
        legalRepresentative = "格桑",
        legalRepresentativeId = id ?? Person,
        address = "拉萨市城关区（测试）",
        regionCode = "540102",
        registeringAuthority = "拉萨市城关区市场监督管理局",
        establishedOn = established,
        approvedOn = established,
        registeredCapital = 100.5m,
        businessScope = scope,
    };

    [Fact]
    public async Task A_registration_is_recorded_once_however_often_it_is_delivered()
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);

        var first = await client.PostAsJsonAsync("/api/v1/registry/registrations", Event("evt-1"));
        var again = await client.PostAsJsonAsync("/api/v1/registry/registrations", Event("evt-1"));
        var other = await client.PostAsJsonAsync("/api/v1/registry/registrations", Event("evt-2"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.True((await again.ReadAsAsync<RegistrationResponse>()).Replayed);
        var duplicate = await other.AssertProblemAsync(409);
        Assert.Contains("已登记为", duplicate.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.EnterpriseChanges.CountAsync(c => c.Uscc == Code)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityId == Code && e.Action == "registry.registered")));
    }

    [Fact]
    public async Task A_change_of_scope_is_kept_in_the_history()
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);
        var code = Uscc.Compose('9', '1', "540102", "MA6TAB13").Value;
        await client.PostAsJsonAsync("/api/v1/registry/registrations", Event("c-1", uscc: code));

        var changed = await client.PostAsJsonAsync("/api/v1/registry/registrations", Event("c-2", "Change", code, "许可项目：食品销售；劳务派遣。"));
        var unchanged = await client.PostAsJsonAsync("/api/v1/registry/registrations", Event("c-3", "Change", code, "许可项目：食品销售；劳务派遣。"));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("经营范围：", (await changed.ReadAsAsync<RegistrationResponse>()).Summary, StringComparison.Ordinal);
        await unchanged.AssertProblemAsync(409);
        var history = await factory.WithDbAsync(db => db.EnterpriseChanges.Where(c => c.Uscc == code).OrderBy(c => c.At).Select(c => c.Kind).ToListAsync());
        Assert.Equal(["设立登记", "变更登记"], history);
    }

    [Fact]
    public async Task A_change_for_an_unregistered_code_is_not_found()
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);

        var response = await client.PostAsJsonAsync("/api/v1/registry/registrations", Event("x-1", "Change", Uscc.Compose('9', '1', "540102", "MA6TAB99").Value));

        await response.AssertProblemAsync(404);
    }

    [Theory]
    [InlineData("uscc", "914403001922038217", null, "2026-11-20", "校验码错误")]
    [InlineData("legalRepresentativeId", null, "wrong-check", "2026-11-20", "身份证号码")]
    [InlineData("establishedOn", null, null, "2026-02-30", "establishedOn")]
    [InlineData("establishedOn", null, null, "2027-01-01", "成立日期")]
    public async Task A_bad_registration_is_a_400_naming_the_field_and_writes_nothing(string field, string? uscc, string? id, string established, string reason)
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);
        var before = await factory.WithDbAsync(db => db.Enterprises.CountAsync());

        var identity = id == "wrong-check" ? Person[..17] + (Person[17] == '1' ? '2' : '1') : id;
        var problem = await (await client.PostAsJsonAsync("/api/v1/registry/registrations", Event("bad-" + field, uscc: uscc, id: identity, established: established))).AssertProblemAsync(400);

        Assert.Contains(reason, problem.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(field, problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Enterprises.CountAsync()));
    }

    [Fact]
    public async Task Only_the_registrar_delivers_registrations()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().PostAsJsonAsync("/api/v1/registry/registrations", Event("a-1"))).StatusCode);
        var approver = await factory.BearerClientAsync(Roles.Approver);
        Assert.Equal(HttpStatusCode.Forbidden, (await approver.PostAsJsonAsync("/api/v1/registry/registrations", Event("a-2"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await factory.CookieClientAsync(Roles.Applicant)).GetAsync("/Registry")).StatusCode);
    }

    [Fact]
    public async Task The_identity_number_is_encrypted_at_rest_and_shown_only_to_the_registrar()
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);
        var code = Uscc.Compose('9', '1', "540102", "MA6TAB14").Value;
        await client.PostAsJsonAsync("/api/v1/registry/registrations", Event("p-1", uscc: code));

        var stored = await factory.WithDbAsync(db => db.Enterprises.SingleAsync(e => e.Uscc == code));
        var page = await (await factory.CookieClientAsync(Roles.Regulator)).GetStringAsync($"/Registry/Enterprise/{code}");

        Assert.DoesNotContain(Person, stored.LegalRepresentativeIdProtected, StringComparison.Ordinal);
        Assert.Equal("5401**********" + Person[^4..], stored.LegalRepresentativeIdMasked);
        Assert.Contains(Person, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_double_submitted_registration_form_records_one_company()
    {
        var client = await factory.CookieClientAsync(Roles.Regulator);
        var code = Uscc.Compose('9', '1', "540172", "MA6TAB15").Value;
        var form = await client.GetStringAsync("/Registry/Register");
        var eventId = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.EventId\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["Input.EventId"] = eventId,
            ["Input.Uscc"] = code,
            ["Input.Name"] = "经开区双击测试有限公司",
            ["Input.Type"] = "DomesticCompany",
            ["Input.LegalRepresentative"] = "平措",
            ["Input.LegalRepresentativeId"] = Person,
            ["Input.RegisteredCapital"] = "10",
            ["Input.Address"] = "拉萨经开区（测试）",
            ["Input.RegionCode"] = "540172",
            ["Input.RegisteringAuthority"] = "拉萨市市场监督管理局",
            ["Input.EstablishedOn"] = "2026-11-25",
            ["Input.ApprovedOn"] = "2026-11-25",
            ["Input.BusinessScope"] = "一般项目：日用百货销售。",
        };

        var first = await ZhengzhaoFactory.PostFormAsync(client, "/Registry/Register", new(fields));
        var second = await ZhengzhaoFactory.PostFormAsync(client, "/Registry/Register", new(fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.EnterpriseChanges.CountAsync(c => c.Uscc == code)));
    }

    [Fact]
    public async Task The_demo_applicants_company_is_on_the_register()
    {
        var company = await factory.WithDbAsync(db => db.Enterprises.SingleAsync(e => e.Uscc == AccountSeeder.DemoEnterprise.Value));

        Assert.Equal("拉萨雪域味道餐饮管理有限公司", company.Name);
        Assert.Equal(EnterpriseStatus.Active, company.Status);
    }
}
