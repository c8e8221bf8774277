using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Identity;

/// <summary>
/// Item 6 of issue 15: a sign-out, a new password, a changed role or department, a disabled account and the owner's
/// "退出所有设备" end every login cookie, access token and refresh token issued before: at once on the instance where
/// it happened, so the very next request with an old credential is refused without the clock moving.
/// </summary>
public sealed class SessionEndTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private static readonly TimeSpan PastTheCheck = IdentityRules.StampCheckInterval + TimeSpan.FromSeconds(1);

    public static TheoryData<string> Events => ["sign-out", "end-sessions-button", "end-sessions-api", "password-change", "role-change", "department-change", "disabled"];

    [Theory]
    [MemberData(nameof(Events))]
    public async Task The_event_ends_every_cookie_and_token_issued_before_it(string happening)
    {
        var userName = "session-" + happening;
        await factory.NewBearerClientAsync(userName, Roles.Approver, "LS-JKQ", "540172");
        var session = await SignInAsync(userName);

        await HappenAsync(happening, userName, session);

        var replayedCookie = factory.CreateDefaultClient(new Uri("https://localhost"));
        replayedCookie.DefaultRequestHeaders.Add("Cookie", session.Cookie);
        var page = await replayedCookie.GetAsync("/Licensing");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await (await session.Bearer.GetAsync("/api/v1/identity/me")).AssertProblemAsync(401);
        await (await session.Bearer.PostAsync("/api/v1/identity/sessions/end", null)).AssertProblemAsync(401);
        var refreshed = await factory.Anonymous().PostAsJsonAsync("/api/v1/identity/refresh", new { refreshToken = session.RefreshToken });
        await refreshed.AssertProblemAsync(401);
    }

    [Fact]
    public async Task Signing_out_everywhere_lands_on_the_login_page_saying_so_and_the_first_password_page_does_not_offer_it()
    {
        var browser = await factory.CookieClientAsync(Roles.Applicant);
        var first = await browser.GetStringAsync("/Account/ChangePassword?first=True");

        var ended = await ZhengzhaoFactory.PostFormAsync(browser, "/Account/ChangePassword?handler=EndSessions", [], formPage: "/Account/ChangePassword");
        var login = await factory.Anonymous().GetStringAsync(ended.Headers.Location!.ToString());

        Assert.DoesNotContain("data-testid=\"end-sessions\"", first, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Contains("已退出所有设备", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Time_alone_ends_no_session()
    {
        await factory.NewBearerClientAsync("session-long", Roles.Approver, "LS-JKQ", "540172");
        var session = await SignInAsync("session-long");

        factory.Clock.Advance(PastTheCheck);
        await AssertAliveAsync(session);
        factory.Clock.Advance(PastTheCheck);

        await AssertAliveAsync(session);
    }

    [Fact]
    public async Task The_password_changer_stays_signed_in_on_the_device_that_changed_it()
    {
        await factory.NewBearerClientAsync("session-changer", Roles.Approver, "LS-JKQ", "540172");
        var session = await SignInAsync("session-changer");

        await ChangePasswordAsync(session.Browser);
        factory.Clock.Advance(PastTheCheck);

        Assert.Equal(HttpStatusCode.OK, (await session.Browser.GetAsync("/Workbench")).StatusCode);
        var token = await factory.Anonymous().PostAsJsonAsync("/api/v1/identity/token", new { userName = "session-changer", password = NewPassword });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_again_even_with_its_password()
    {
        await factory.NewBearerClientAsync("disabled-owner", Roles.Approver, "LS-JKQ", "540172");
        await EditAsync("disabled-owner", disabled: true);

        var token = await factory.Anonymous().PostAsJsonAsync("/api/v1/identity/token", new { userName = "disabled-owner", password = ZhengzhaoFactory.TestPassword });

        var problem = await token.AssertProblemAsync(403);
        Assert.Equal("该账户已被停用，请联系管理员。", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_administrator_changes_a_role_on_the_account_page_and_the_trail_says_what_changed()
    {
        await factory.NewBearerClientAsync("session-promoted", Roles.Approver, "LS-JKQ", "540172");
        var admin = await factory.CookieClientAsync(Roles.Administrator);

        var saved = await ZhengzhaoFactory.PostFormAsync(admin, "/Admin/Accounts/Edit?userName=session-promoted", new()
        {
            ["Input.DisplayName"] = "session-promoted",
            ["Input.Role"] = Roles.DepartmentAdmin,
            ["Input.DepartmentCode"] = "LS-JKQ",
            ["Input.RegionCode"] = "540172",
        });

        Assert.Contains("已保存", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var summary = await factory.WithDbAsync(db => Task.FromResult(db.AuditEntries.Where(e => e.Action == "identity.account-changed" && e.EntityId == "session-promoted").Select(e => e.Summary).Single()));
        Assert.Equal("角色：审批人员 → 部门管理员；原有会话和令牌已失效", summary);
    }

    [Fact]
    public async Task Account_fields_and_passwords_longer_than_their_limits_are_refused_in_Chinese()
    {
        var longName = await factory.WithUseCaseAsync<CreateAccount, Result<CreateAccount.Created>>(create =>
            create.HandleAsync(new("long-name", new string('名', IdentityRules.MaxDisplayNameLength + 1), Roles.Approver, "LS-JKQ", "540172", null, Actor.System)));
        var longUser = await factory.Anonymous().PostAsJsonAsync("/api/v1/identity/token", new { userName = new string('a', 100_000), password = "Whatever2026x" });
        var longPassword = await factory.Anonymous().PostAsJsonAsync("/api/v1/identity/token", new { userName = "demo-approver", password = new string('P', 100_000) });
        var client = await factory.CookieClientAsync(Roles.Inspector);
        var longNew = await ZhengzhaoFactory.PostFormAsync(client, "/Account/ChangePassword", new()
        {
            ["CurrentPassword"] = ZhengzhaoFactory.TestPassword,
            ["NewPassword"] = "Aa1" + new string('x', 200),
            ["ConfirmPassword"] = "Aa1" + new string('x', 200),
        });

        Assert.Equal("请填写姓名或单位名称，不超过50个字。", longName.Refusal!.Detail);
        Assert.Equal("用户名不能超过50个字符。", (await longUser.AssertProblemAsync(400)).GetProperty("detail").GetString());
        Assert.Equal("密码不能超过128个字符。", (await longPassword.AssertProblemAsync(400)).GetProperty("detail").GetString());
        Assert.Contains("密码不能超过128个字符。", await longNew.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private const string NewPassword = "Lhasa2026Changed";

    private sealed record Session(HttpClient Browser, string Cookie, HttpClient Bearer, string RefreshToken);

    private sealed record TokenResponse(string AccessToken, string RefreshToken);

    /// <summary>Signs in twice, as a person would: a browser holding its cookie (kept aside to replay) and an API client.</summary>
    private async Task<Session> SignInAsync(string userName)
    {
        var jar = new System.Net.CookieContainer();
        var browser = factory.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(jar));
        var login = await ZhengzhaoFactory.PostFormAsync(browser, "/Account/Login", new() { ["UserName"] = userName, ["Password"] = ZhengzhaoFactory.TestPassword });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = jar.GetCookieHeader(browser.BaseAddress!);

        var issued = await factory.Anonymous().PostAsJsonAsync("/api/v1/identity/token", new { userName, password = ZhengzhaoFactory.TestPassword });
        var token = await issued.Content.ReadFromJsonAsync<TokenResponse>();
        var bearer = factory.Anonymous();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        var session = new Session(browser, cookie, bearer, token.RefreshToken);
        await AssertAliveAsync(session);
        return session;
    }

    private static async Task AssertAliveAsync(Session session)
    {
        Assert.Equal(HttpStatusCode.OK, (await session.Browser.GetAsync("/Workbench")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Bearer.GetAsync("/api/v1/identity/me")).StatusCode);
    }

    private async Task HappenAsync(string happening, string userName, Session session)
    {
        switch (happening)
        {
            case "sign-out":
                await ZhengzhaoFactory.PostFormAsync(session.Browser, "/Account/Logout", []);
                break;
            case "end-sessions-button":
                await ZhengzhaoFactory.PostFormAsync(session.Browser, "/Account/ChangePassword?handler=EndSessions", [], "/Account/ChangePassword");
                break;
            case "end-sessions-api":
                Assert.Equal(HttpStatusCode.NoContent, (await session.Bearer.PostAsync("/api/v1/identity/sessions/end", null)).StatusCode);
                break;
            case "password-change":
                await ChangePasswordAsync(factory.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(new System.Net.CookieContainer())), userName);
                break;
            case "role-change":
                await EditAsync(userName, role: Roles.WindowClerk);
                break;
            case "department-change":
                await EditAsync(userName, department: "XZ-GSJ");
                break;
            case "disabled":
                await EditAsync(userName, disabled: true);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(happening));
        }
    }

    private static async Task ChangePasswordAsync(HttpClient browser, string? signInAs = null)
    {
        if (signInAs is not null)
        {
            await ZhengzhaoFactory.PostFormAsync(browser, "/Account/Login", new() { ["UserName"] = signInAs, ["Password"] = ZhengzhaoFactory.TestPassword });
        }

        var changed = await ZhengzhaoFactory.PostFormAsync(browser, "/Account/ChangePassword", new()
        {
            ["CurrentPassword"] = ZhengzhaoFactory.TestPassword,
            ["NewPassword"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });
        Assert.Contains("密码已修改", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task EditAsync(string userName, string role = Roles.Approver, string department = "LS-JKQ", bool disabled = false)
    {
        var edited = await factory.WithUseCaseAsync<EditAccount, Result<User>>(edit =>
            edit.HandleAsync(new(userName, userName, role, department, "540172", disabled, new Actor("demo-administrator"))));
        Assert.True(edited.IsSuccess, edited.Refusal?.Detail);
    }
}
