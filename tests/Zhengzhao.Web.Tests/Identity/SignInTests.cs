using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Identity;
using Zhengzhao.Web.Hosting;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Identity;

public sealed class SignInTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private CreateAccount.Created Demo(string role) =>
        factory.Services.GetRequiredService<DemoCredentials>().Accounts.Single(a => a.UserName == AccountSeeder.DemoUserName(role));

    [Fact]
    public void Every_role_has_a_demo_account_with_a_one_time_password_and_two_departments_a_demo_head()
    {
        var accounts = factory.Services.GetRequiredService<DemoCredentials>().Accounts;

        Assert.Equal(Roles.All.Select(r => r.Name).Order(), accounts.Select(a => a.Role).Distinct().Order());
        Assert.Equal(["demo-approver", "demo-head-swt", "demo-head-xwgd"], accounts.Where(a => a.Role == Roles.Approver).Select(a => a.UserName).Order());
        Assert.All(accounts, a => Assert.True(a.OneTimePassword.Length >= 10));
        Assert.Equal(accounts.Count, accounts.Select(a => a.OneTimePassword).Distinct().Count());
    }

    [Fact]
    public async Task A_one_time_password_leads_to_changing_it_before_anything_else()
    {
        var demo = Demo(Roles.ReformOffice);
        var client = factory.Anonymous();

        var login = await ZhengzhaoFactory.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = demo.UserName, ["Password"] = demo.OneTimePassword });
        Assert.Equal("/Account/ChangePassword?first=True", login.Headers.Location!.OriginalString);

        var held = await client.GetAsync("/Workbench");
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        Assert.StartsWith("/Account/ChangePassword", held.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var tokenRefused = await client.PostAsJsonAsync("/api/v1/identity/token", new { userName = demo.UserName, password = demo.OneTimePassword });
        await tokenRefused.AssertProblemAsync(403);
        var apiHeld = await (await client.GetAsync("/api/v1/items")).AssertProblemAsync(403);
        Assert.Equal("/problems/identity/password-change-required", apiHeld.GetProperty("type").GetString());

        var changed = await ZhengzhaoFactory.PostFormAsync(client, "/Account/ChangePassword", new()
        {
            ["CurrentPassword"] = demo.OneTimePassword,
            ["NewPassword"] = "Lhasa2026NewPass",
            ["ConfirmPassword"] = "Lhasa2026NewPass",
        });
        Assert.Contains("密码已修改", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Workbench")).StatusCode);
    }

    [Theory]
    [InlineData("short1A", "short1A", "至少需要 10 位")]
    [InlineData("alllowercase1", "alllowercase1", "大写字母")]
    [InlineData("Mismatch2026A", "Mismatch2026B", "不一致")]
    public async Task A_weak_or_mistyped_new_password_is_refused_in_Chinese(string password, string confirm, string reason)
    {
        var client = await factory.CookieClientAsync(Roles.WindowClerk);

        var response = await ZhengzhaoFactory.PostFormAsync(client, "/Account/ChangePassword", new()
        {
            ["CurrentPassword"] = ZhengzhaoFactory.TestPassword,
            ["NewPassword"] = password,
            ["ConfirmPassword"] = confirm,
        });

        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_user_and_a_wrong_password_get_the_same_answer()
    {
        var client = factory.Anonymous();

        var unknown = await client.PostAsJsonAsync("/api/v1/identity/token", new { userName = "nobody", password = "Whatever2026x" });
        var wrong = await client.PostAsJsonAsync("/api/v1/identity/token", new { userName = "demo-approver", password = "Whatever2026x" });

        var a = await unknown.AssertProblemAsync(401);
        var b = await wrong.AssertProblemAsync(401);
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_login_form_posted_without_its_antiforgery_token_is_rejected()
    {
        var client = factory.Anonymous();

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "demo-approver", ["Password"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Token_requests_with_missing_fields_are_400_problems()
    {
        var response = await factory.Anonymous().PostAsJsonAsync("/api/v1/identity/token", new { userName = "demo-approver" });

        await response.AssertProblemAsync(400);
    }

    [Fact]
    public async Task The_administrator_opens_an_account_whose_password_is_shown_once()
    {
        var client = await factory.CookieClientAsync(Roles.Administrator);

        var response = await ZhengzhaoFactory.PostFormAsync(client, "/Admin/Accounts/Create", new()
        {
            ["Input.UserName"] = "lasa-clerk-01",
            ["Input.DisplayName"] = "次仁",
            ["Input.Role"] = Roles.WindowClerk,
            ["Input.DepartmentCode"] = "LS-JKQ",
            ["Input.RegionCode"] = "540172",
        });

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("账户 <strong>lasa-clerk-01</strong> 已创建", page, StringComparison.Ordinal);
        var user = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == "lasa-clerk-01")));
        Assert.True(user.MustChangePassword);
        Assert.Equal("540172", user.RegionCode);
    }

    [Theory]
    [InlineData(Roles.WindowClerk, "LS-JKQ", null, null, "必须属于一个有效的区划")]
    [InlineData(Roles.WindowClerk, "NO-SUCH", "540172", null, "必须属于一个在用的部门")]
    [InlineData(Roles.Applicant, null, null, "914403001922038217", "校验码错误")]
    public async Task An_account_without_its_department_region_or_valid_code_is_refused(string role, string? department, string? region, string? uscc, string reason)
    {
        var result = await factory.WithUseCaseAsync<CreateAccount, Zhengzhao.Common.Result<CreateAccount.Created>>(create =>
            create.HandleAsync(new("refused-" + Guid.NewGuid().ToString("N")[..6], "测试", role, department, region, uscc, Zhengzhao.Common.Actor.System)));

        Assert.False(result.IsSuccess);
        Assert.Contains(reason, result.Refusal!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_user_name_is_refused()
    {
        var result = await factory.WithUseCaseAsync<CreateAccount, Zhengzhao.Common.Result<CreateAccount.Created>>(create =>
            create.HandleAsync(new("demo-approver", "重复", Roles.Approver, "XZ-GSJ", "540000", null, Zhengzhao.Common.Actor.System)));

        Assert.Equal("identity/duplicate-user", result.Refusal!.Type);
        var users = factory.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<User>>();
        Assert.Single(users.Users.Where(u => u.UserName == "demo-approver"));
    }
}
