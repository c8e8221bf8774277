using Microsoft.AspNetCore.Identity;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Identity;

/// <summary>
/// Checks a user name and password and signs the user in, by cookie for pages or by bearer token for the API;
/// failures count toward the lockout, and each success, failure and lockout is audited.
/// </summary>
public sealed class SignIn(ZhengzhaoDbContext db, SignInManager<User> signInManager, TimeProvider time) : IUseCase
{
    public sealed record Command(string UserName, string Password, bool BearerToken);

    public sealed record SignedIn(User User, bool MustChangePassword);

    public async Task<Result<SignedIn>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var user = await signInManager.UserManager.FindByNameAsync(command.UserName.Trim());
        if (user is null)
        {
            return WrongCredentials();
        }

        // The password is checked before anything about the account is told, so the answers do not reveal accounts.
        var outcome = await signInManager.CheckPasswordSignInAsync(user, command.Password, lockoutOnFailure: true);
        var actor = new Actor(user.UserName!);
        if (outcome.Succeeded)
        {
            if (command.BearerToken && user.MustChangePassword)
            {
                return new Refusal("identity/password-change-required", "须先修改一次性密码", "该账户仍在使用一次性密码，请先在网页登录并修改密码，再申请访问令牌。", RefusalKind.Forbidden);
            }

            signInManager.AuthenticationScheme = command.BearerToken ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme;
            await signInManager.SignInAsync(user, isPersistent: false);
            await AuditAsync(actor, "identity.signed-in", command.BearerToken ? "令牌登录" : "网页登录", cancellationToken);
            return new SignedIn(user, user.MustChangePassword);
        }

        if (outcome.IsLockedOut)
        {
            await AuditAsync(actor, "identity.locked-out", $"连续 {IdentityRules.MaxFailedAttempts} 次密码错误，锁定 {IdentityRules.LockoutDuration.TotalMinutes} 分钟", cancellationToken);
            return new Refusal("identity/locked-out", "账户已锁定", $"密码连续输错 {IdentityRules.MaxFailedAttempts} 次，账户已锁定 {IdentityRules.LockoutDuration.TotalMinutes} 分钟，请稍后再试或联系管理员。", RefusalKind.Forbidden);
        }

        await AuditAsync(actor, "identity.sign-in-failed", "密码错误", cancellationToken);
        return WrongCredentials();
    }

    private async Task AuditAsync(Actor actor, string action, string summary, CancellationToken cancellationToken)
    {
        db.Record(actor, time, action, nameof(User), actor.UserName, summary);
        await db.SaveChangesAsync(cancellationToken);
    }

    // The same answer for an unknown user and a wrong password, so the form does not reveal which accounts exist.
    private static Refusal WrongCredentials() => new("identity/wrong-credentials", "登录失败", "用户名或密码错误。", RefusalKind.Unauthenticated);
}
