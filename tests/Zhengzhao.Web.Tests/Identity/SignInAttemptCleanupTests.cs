using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Identity;

/// <summary>
/// Issue 15: the counters of failed sign-ins are deleted once quiet for longer than any of them can matter, so
/// guessed names do not pile up, while recent counters and the failures an owner has not yet been shown stay.
/// </summary>
public sealed class SignInAttemptCleanupTests(AddressedFactory factory) : IClassFixture<AddressedFactory>
{
    private const string WrongPassword = "Wrong-password-1";

    [Fact]
    public async Task Quiet_counters_are_deleted_and_recent_ones_and_an_owners_unseen_failures_are_kept()
    {
        await factory.NewBearerClientAsync("cleanup-owner", Roles.Approver, "LS-JKQ", "540172");
        await FailAsync("10.9.0.1", "cleanup-guessed-long-ago");
        await FailAsync("10.9.0.1", "cleanup-owner");

        factory.Clock.Advance(IdentityRules.AttemptRetention + TimeSpan.FromSeconds(1));
        await FailAsync("10.9.0.2", "cleanup-guessed-just-now");
        await factory.WithUseCaseAsync<ForgetQuietSignInAttempts, Result<int>>(forget => forget.HandleAsync());

        var keys = await factory.WithDbAsync(db => db.Set<SignInAttempt>().Select(a => a.Key).ToListAsync());
        Assert.DoesNotContain("account:CLEANUP-GUESSED-LONG-AGO", keys);
        Assert.DoesNotContain("address:10.9.0.1", keys);
        Assert.Contains("account:CLEANUP-GUESSED-JUST-NOW", keys);
        Assert.Contains("address:10.9.0.2", keys);
        Assert.Contains("account:CLEANUP-OWNER", keys);

        var signedIn = await ZhengzhaoFactory.PostFormAsync(factory.ClientAt("10.9.0.3"), "/Account/Login", new() { ["UserName"] = "cleanup-owner", ["Password"] = ZhengzhaoFactory.TestPassword });
        Assert.Contains("登录成功。自您上次登录以来，此账户有 1 次失败的登录尝试", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task FailAsync(string address, string userName)
    {
        var answer = await factory.ClientAt(address).PostAsJsonAsync("/api/v1/identity/token", new { userName, password = WrongPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }
}
