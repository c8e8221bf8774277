using Microsoft.AspNetCore.Identity;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Identity;

/// <summary>
/// Checks a user name and password and signs the user in, by cookie for pages or by bearer token for the API.
/// Attempts are limited per client address, per account name from each address and, more loosely, per account name
/// from all addresses, with a growing wait (<see cref="IdentityRules"/>),
/// the same for a name that has no account, which also costs a password hash: neither the answer nor its time tells
/// which accounts exist, and no stranger can lock the owner out. The owner is told at the next successful sign-in
/// how many attempts failed since the last one.
/// </summary>
public sealed class SignIn(ZhengzhaoDbContext db, SignInManager<User> signInManager, TimeProvider time) : IUseCase
{
    // Hashed once per process: verifying against it costs what verifying a real account's password costs.
    private static string? dummyHash;

    public sealed record Command(string UserName, string Password, bool BearerToken, string? Address = null);

    public sealed record SignedIn(User User, bool MustChangePassword, FailedSignIns FailedSince);

    public async Task<Result<SignedIn>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var name = command.UserName.Trim();
        if (name.Length > IdentityRules.MaxUserNameLength)
        {
            return IdentityRefusals.InvalidCredentials($"用户名不能超过{IdentityRules.MaxUserNameLength}个字符。");
        }

        // A NUL or another control character is no account's name, and would reach the attempt counts and the audit.
        if (TextLimits.Problem(name, IdentityRules.MaxUserNameLength, "用户名") is { } unfit)
        {
            return IdentityRefusals.InvalidCredentials(unfit);
        }

        if (IdentityRules.PasswordTooLong(command.Password) is { } tooLong)
        {
            return IdentityRefusals.InvalidCredentials(tooLong);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var accountKey = SignInAttempts.AccountKey(name);
        var addressKey = SignInAttempts.AddressKey(command.Address);
        var pairKey = SignInAttempts.PairKey(accountKey, addressKey);
        if (await SignInAttempts.ClaimAsync(db, addressKey, IdentityRules.PerAddress, now, cancellationToken) is { } addressWait)
        {
            return SignInAttempts.TooMany(addressWait);
        }

        if (await SignInAttempts.ClaimAsync(db, pairKey, IdentityRules.PerAccountAtAddress, now, cancellationToken) is { } pairWait)
        {
            return SignInAttempts.TooMany(pairWait);
        }

        if (await SignInAttempts.ClaimAsync(db, accountKey, IdentityRules.PerAccount, now, cancellationToken) is { } accountWait)
        {
            return SignInAttempts.TooMany(accountWait);
        }

        var users = signInManager.UserManager;
        var user = await users.FindByNameAsync(name);
        var passwordRight = user is null ? VerifyAgainstDummy(users, command.Password) : await users.CheckPasswordAsync(user, command.Password);
        if (user is null || !passwordRight)
        {
            await SignInAttempts.FailedAsync(db, [accountKey, pairKey, addressKey], now, cancellationToken);
            await AuditAsync(new Actor(name), "identity.sign-in-failed", user is null ? "账户不存在" : "密码错误", cancellationToken);
            return WrongCredentials();
        }

        // Only someone who knows the password learns that the account is disabled.
        if (user.DisabledAt is not null)
        {
            await AuditAsync(new Actor(name), "identity.sign-in-refused", "账户已停用", cancellationToken);
            return IdentityRefusals.AccountDisabled();
        }

        var failedSince = await SignInAttempts.SignedInAsync(db, accountKey, addressKey, now, cancellationToken);
        if (command.BearerToken && user.MustChangePassword)
        {
            return IdentityRefusals.PasswordChangeRequired();
        }

        signInManager.AuthenticationScheme = command.BearerToken ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme;
        await signInManager.SignInAsync(user, isPersistent: false);
        var how = command.BearerToken ? "令牌登录" : "网页登录";
        await AuditAsync(new Actor(user.UserName!), "identity.signed-in", failedSince.Count > 0 ? $"{how}（此前有 {failedSince.Count} 次失败的登录尝试）" : how, cancellationToken);
        return new SignedIn(user, user.MustChangePassword, failedSince);
    }

    private static bool VerifyAgainstDummy(UserManager<User> users, string password)
    {
        var dummy = new User();
        dummyHash ??= users.PasswordHasher.HashPassword(dummy, Guid.NewGuid().ToString("N"));
        users.PasswordHasher.VerifyHashedPassword(dummy, dummyHash, password);
        return false;
    }

    private async Task AuditAsync(Actor actor, string action, string summary, CancellationToken cancellationToken)
    {
        db.Record(actor, time, action, nameof(User), actor.UserName, summary);
        await db.SaveChangesAsync(cancellationToken);
    }

    // The same answer for an unknown user and a wrong password, so the form does not reveal which accounts exist.
    private static Refusal WrongCredentials() => new("identity/wrong-credentials", "登录失败", "用户名或密码错误。", RefusalKind.Unauthenticated);
}
