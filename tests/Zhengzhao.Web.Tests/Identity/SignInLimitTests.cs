using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Identity;

/// <summary>
/// Item 5 of issue 15: failed sign-ins slow the guesser per account and per address, say nothing about which
/// accounts exist, never lock the owner out for long, and are shown to the owner at the next sign-in.
/// </summary>
public sealed class SignInLimitTests(AddressedFactory factory) : IClassFixture<AddressedFactory>
{
    private const string WrongPassword = "Wrong-password-1";

    [Fact]
    public async Task An_unknown_and_a_known_account_get_the_same_answers_however_often_they_are_tried()
    {
        var known = await factory.ReadyDemoAccountAsync(Roles.Approver);
        var fromA = factory.ClientAt("10.1.0.1");
        var fromB = factory.ClientAt("10.1.0.2");

        var unknownAnswers = new List<string>();
        var knownAnswers = new List<string>();
        for (var i = 0; i < IdentityRules.PerAccountAtAddress.FreeFailures + 3; i++)
        {
            unknownAnswers.Add(await AnswerAsync(await fromA.PostAsJsonAsync("/api/v1/identity/token", new { userName = "no-such-user", password = WrongPassword })));
            knownAnswers.Add(await AnswerAsync(await fromB.PostAsJsonAsync("/api/v1/identity/token", new { userName = known, password = WrongPassword })));
        }

        Assert.Equal(unknownAnswers, knownAnswers);
        Assert.Equal(Enumerable.Repeat("401 用户名或密码错误。", IdentityRules.PerAccountAtAddress.FreeFailures), knownAnswers.Take(IdentityRules.PerAccountAtAddress.FreeFailures));
        Assert.All(knownAnswers.Skip(IdentityRules.PerAccountAtAddress.FreeFailures), a => Assert.StartsWith("429 登录尝试过于频繁，请在15秒后再试。", a, StringComparison.Ordinal));
        Assert.DoesNotContain(knownAnswers, a => a.StartsWith("403", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stranger_guessing_waits_where_it_stands_while_the_owner_signs_in_elsewhere_and_is_told_of_the_guesses()
    {
        var owner = await factory.ReadyDemoAccountAsync(Roles.Inspector);
        var stranger = factory.ClientAt("10.2.0.1");
        for (var i = 0; i < IdentityRules.PerAccountAtAddress.FreeFailures; i++)
        {
            var wrong = await ZhengzhaoFactory.PostFormAsync(stranger, "/Account/Login", new() { ["UserName"] = owner, ["Password"] = WrongPassword });
            Assert.Contains("用户名或密码错误", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var strangerAgain = await ZhengzhaoFactory.PostFormAsync(stranger, "/Account/Login", new() { ["UserName"] = owner, ["Password"] = WrongPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, strangerAgain.StatusCode);
        Assert.Contains("登录尝试过于频繁，请在15秒后再试", await strangerAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var ownerClient = factory.ClientAt("10.2.0.2");
        var signedIn = await ZhengzhaoFactory.PostFormAsync(ownerClient, "/Account/Login", new() { ["UserName"] = owner, ["Password"] = ZhengzhaoFactory.TestPassword });

        var notice = await signedIn.Content.ReadAsStringAsync();
        Assert.Contains("登录成功。自您上次登录以来，此账户有 3 次失败的登录尝试", notice, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync("/Workbench")).StatusCode);
        var actions = await factory.WithDbAsync(db => Task.FromResult(db.AuditEntries.Where(e => e.Actor == owner).Select(e => e.Action).ToList()));
        Assert.Equal(3, actions.Count(a => a == "identity.sign-in-failed"));
        Assert.Contains("identity.signed-in", actions);

        var again = await ZhengzhaoFactory.PostFormAsync(factory.ClientAt("10.2.0.2"), "/Account/Login", new() { ["UserName"] = owner, ["Password"] = ZhengzhaoFactory.TestPassword });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task Only_many_guesses_from_many_addresses_make_the_owner_wait_too()
    {
        var owner = await factory.ReadyDemoAccountAsync(Roles.ReformOffice);
        for (var i = 0; i < IdentityRules.PerAccount.FreeFailures; i++)
        {
            var wrong = await factory.ClientAt($"10.4.0.{i + 1}").PostAsJsonAsync("/api/v1/identity/token", new { userName = owner, password = WrongPassword });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var ownerClient = factory.ClientAt("10.4.1.1");
        var waits = await ownerClient.PostAsJsonAsync("/api/v1/identity/token", new { userName = owner, password = ZhengzhaoFactory.TestPassword });
        Assert.Equal("429 登录尝试过于频繁，请在15秒后再试。 15", await AnswerAsync(waits));

        factory.Clock.Advance(TimeSpan.FromSeconds(16));
        var signedIn = await ownerClient.PostAsJsonAsync("/api/v1/identity/token", new { userName = owner, password = ZhengzhaoFactory.TestPassword });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task A_user_name_with_a_nul_or_a_control_character_is_refused_before_anything_is_counted_or_recorded()
    {
        var before = await factory.WithDbAsync(db => Task.FromResult(db.AuditEntries.Count()));
        foreach (var name in new[] { "nul\u0000name", "esc\u001b[31mred" })
        {
            var response = await factory.ClientAt("10.5.0.1").PostAsJsonAsync("/api/v1/identity/token", new { userName = name, password = "x" });
            var problem = await response.AssertProblemAsync(400);
            Assert.StartsWith("用户名", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await factory.WithDbAsync(db => Task.FromResult(db.AuditEntries.Count())));
    }

    [Fact]
    public void The_waits_grow_with_the_failures_and_become_an_hour_only_after_many()
    {
        var limit = IdentityRules.PerAccountAtAddress;

        Assert.Equal(TimeSpan.Zero, limit.WaitAfter(limit.FreeFailures - 1));
        Assert.Equal(TimeSpan.FromSeconds(15), limit.WaitAfter(limit.FreeFailures));
        Assert.Equal(TimeSpan.FromSeconds(30), limit.WaitAfter(limit.FreeFailures + 1));
        Assert.Equal(TimeSpan.FromMinutes(15), limit.WaitAfter(limit.LongLockAfter - 1));
        Assert.Equal(TimeSpan.FromHours(1), limit.WaitAfter(limit.LongLockAfter));
    }

    [Fact]
    public async Task One_address_guessing_many_accounts_is_slowed_while_the_owners_elsewhere_still_sign_in()
    {
        var owner = await factory.ReadyDemoAccountAsync(Roles.Oversight);
        var guesser = factory.ClientAt("10.3.0.1");
        for (var i = 0; i < IdentityRules.PerAddress.FreeFailures; i++)
        {
            var wrong = await guesser.PostAsJsonAsync("/api/v1/identity/token", new { userName = $"guess-{i}", password = WrongPassword });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var slowed = await guesser.PostAsJsonAsync("/api/v1/identity/token", new { userName = owner, password = ZhengzhaoFactory.TestPassword });
        var problem = await slowed.AssertProblemAsync(429);
        Assert.Equal("/problems/identity/too-many-attempts", problem.GetProperty("type").GetString());
        Assert.Equal("15", slowed.Headers.RetryAfter!.ToString());

        var elsewhere = await factory.ClientAt("10.3.0.2").PostAsJsonAsync("/api/v1/identity/token", new { userName = owner, password = ZhengzhaoFactory.TestPassword });
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Guessing_the_current_password_on_the_change_form_is_slowed_like_sign_in()
    {
        var client = await factory.CookieClientAsync(Roles.Regulator);
        var fields = new Dictionary<string, string> { ["CurrentPassword"] = "Not-the-password-1", ["NewPassword"] = "Another2026Pass", ["ConfirmPassword"] = "Another2026Pass" };

        var pages = new List<string>();
        for (var i = 0; i <= IdentityRules.PerAccount.FreeFailures; i++)
        {
            pages.Add(await (await ZhengzhaoFactory.PostFormAsync(client, "/Account/ChangePassword", new(fields))).Content.ReadAsStringAsync());
        }

        Assert.Contains("当前密码不正确", pages[0], StringComparison.Ordinal);
        Assert.Contains("当前密码输错次数过多，请在15秒后再试", pages[^1], StringComparison.Ordinal);
    }

    private static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return $"{(int)response.StatusCode} {problem.GetProperty("detail").GetString()} {response.Headers.RetryAfter}".TrimEnd();
    }
}

/// <summary>An app whose test requests say which client address they come from, as a real connection would.</summary>
public sealed class AddressedFactory : ZhengzhaoFactory
{
    public HttpClient ClientAt(string address)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(PeerAddress.Header, address);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        PeerAddress.Enable(builder);
    }
}
