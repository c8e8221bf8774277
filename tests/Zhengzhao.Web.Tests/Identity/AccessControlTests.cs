using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;
using MeResponse = Zhengzhao.Web.Api.IdentityEndpoints.MeResponse;

namespace Zhengzhao.Web.Tests.Identity;

/// <summary>Who may open what: anonymous visitors reach only public pages and the public API.</summary>
public sealed class AccessControlTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Services/Uscc")]
    [InlineData("/Services/Calendar?date=2023-02-20&region=540100")]
    [InlineData("/Account/Login")]
    [InlineData("/api/docs/")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/api/v1/calendar/2023-02-20")]
    [InlineData("/api/v1/uscc/914403001922038216")]
    [InlineData("/Verify")]
    public async Task Anonymous_visitors_reach_public_pages_and_the_public_api(string path)
    {
        var response = await factory.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/Workbench")]
    [InlineData("/Admin/Calendar")]
    [InlineData("/Admin/Accounts/Create")]
    [InlineData("/Audit")]
    [InlineData("/Account/ChangePassword")]
    [InlineData("/Permits")]
    public async Task Anonymous_visitors_are_sent_to_login_from_other_pages(string path)
    {
        var response = await factory.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/identity/me")]
    [InlineData("/api/v1/audit/verify")]
    [InlineData("/api/v1/audit/entries")]
    [InlineData("/api/v1/coordination/webhook-deliveries")]
    [InlineData("/api/v1/permits")]
    public async Task Anonymous_api_calls_outside_the_public_api_get_401_problems(string path)
    {
        await (await factory.Anonymous().GetAsync(path)).AssertProblemAsync(401);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_404_problem()
    {
        await (await factory.Anonymous().GetAsync("/api/v1/no-such-thing")).AssertProblemAsync(404);
    }

    public static TheoryData<string, string, bool> PageAccessByRole()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var role in Roles.All)
        {
            data.Add(role.Name, "/Workbench", true);
            data.Add(role.Name, "/Admin/Calendar", role.Name == Roles.Administrator);
            data.Add(role.Name, "/Admin/Accounts", role.Name == Roles.Administrator);
            data.Add(role.Name, "/Admin/Departments", role.Name == Roles.Administrator);
            data.Add(role.Name, "/Admin/Regions", role.Name == Roles.Administrator);
            data.Add(role.Name, "/Audit", role.Name is Roles.Administrator or Roles.Oversight);
            data.Add(role.Name, "/Workbench/Staff", role.Name == Roles.DepartmentAdmin);
            data.Add(role.Name, "/Coordination/Webhook", role.Name is Roles.DepartmentAdmin or Roles.Administrator);
            data.Add(role.Name, "/Coordination/Deliveries", role.Name is Roles.DepartmentAdmin or Roles.Administrator);
            data.Add(role.Name, "/Permits", role.Name is Roles.Applicant or Roles.WindowClerk or Roles.Approver or Roles.DepartmentAdmin or Roles.Regulator or Roles.Oversight);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PageAccessByRole))]
    public async Task Each_role_opens_its_own_pages_and_is_denied_the_others(string role, string path, bool allowed)
    {
        var client = await factory.CookieClientAsync(role);

        var response = await client.GetAsync(path);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    [InlineData(Roles.Oversight, HttpStatusCode.OK)]
    [InlineData(Roles.Applicant, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Approver, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Inspector, HttpStatusCode.Forbidden)]
    public async Task The_audit_api_answers_the_administrator_and_oversight_only(string role, HttpStatusCode expected)
    {
        var client = await factory.BearerClientAsync(role);

        var response = await client.GetAsync("/api/v1/audit/verify");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            await response.AssertProblemAsync(403);
        }
    }

    [Fact]
    public async Task The_api_accepts_the_login_cookie_as_well_as_bearer_tokens()
    {
        var cookie = await factory.CookieClientAsync(Roles.Approver);
        var bearer = await factory.BearerClientAsync(Roles.Approver);

        var fromCookie = await (await cookie.GetAsync("/api/v1/identity/me")).ReadAsAsync<MeResponse>();
        var fromToken = await (await bearer.GetAsync("/api/v1/identity/me")).ReadAsAsync<MeResponse>();

        Assert.Equal("demo-approver", fromCookie.UserName);
        Assert.Equal("demo-approver", fromToken.UserName);
        Assert.Equal("XZ-XWGD", fromToken.Department);
        Assert.Equal([Roles.Approver], fromToken.Roles);
    }

    [Fact]
    public async Task An_enterprise_account_is_bound_to_its_credit_code()
    {
        var client = await factory.BearerClientAsync(Roles.Applicant);

        var me = await (await client.GetAsync("/api/v1/identity/me")).ReadAsAsync<MeResponse>();

        Assert.Equal(AccountSeeder.DemoEnterprise.Value, me.EnterpriseUscc);
        Assert.Null(me.Department);
    }

    [Fact]
    public async Task A_forged_bearer_token_is_refused()
    {
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "forged-token-value");

        await (await client.GetAsync("/api/v1/identity/me")).AssertProblemAsync(401);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_and_a_forged_one_is_refused()
    {
        var userName = await factory.ReadyDemoAccountAsync(Roles.Inspector);
        var client = factory.Anonymous();
        var issued = await (await client.PostAsJsonAsync("/api/v1/identity/token", new { userName, password = ZhengzhaoFactory.TestPassword })).ReadAsAsync<AccessTokenResponse>();

        var refreshed = await client.PostAsJsonAsync("/api/v1/identity/refresh", new { refreshToken = issued.RefreshToken });
        var forged = await client.PostAsJsonAsync("/api/v1/identity/refresh", new { refreshToken = "nonsense" });

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.False(string.IsNullOrEmpty((await refreshed.ReadAsAsync<AccessTokenResponse>()).AccessToken));
        await forged.AssertProblemAsync(401);
    }
}
