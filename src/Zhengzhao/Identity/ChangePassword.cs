using Microsoft.AspNetCore.Identity;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Identity;

/// <summary>
/// Replaces the password. Identity rotates the security stamp with it, which ends every other session and token of
/// the account (see IdentitySetup); the page that called this signs its own session in again.
/// </summary>
public sealed class ChangePassword(ZhengzhaoDbContext db, UserManager<User> users, IStampRotations rotations, TimeProvider time) : IUseCase
{
    public sealed record Command(string UserId, string CurrentPassword, string NewPassword, string ConfirmPassword);

    public async Task<Result<User>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrEmpty(command.CurrentPassword) || string.IsNullOrEmpty(command.NewPassword))
        {
            return Invalid("请填写当前密码和新密码。");
        }

        if (command.NewPassword != command.ConfirmPassword)
        {
            return Invalid("两次输入的新密码不一致。");
        }

        if (command.NewPassword == command.CurrentPassword)
        {
            return Invalid("新密码不能与当前密码相同。");
        }

        if ((IdentityRules.PasswordTooLong(command.NewPassword) ?? IdentityRules.PasswordTooLong(command.CurrentPassword)) is { } tooLong)
        {
            return Invalid(tooLong);
        }

        var user = await users.FindByIdAsync(command.UserId);
        if (user is null)
        {
            return IdentityRefusals.UserNotFound();
        }

        // Guesses at the current password are limited as at sign-in: a left-open session is no way to find it.
        var now = time.GetUtcNow().UtcDateTime;
        var accountKey = SignInAttempts.AccountKey(user.UserName!);
        if (await SignInAttempts.ClaimAsync(db, accountKey, IdentityRules.PerAccount, now, cancellationToken) is { } wait)
        {
            return Invalid($"当前密码输错次数过多，请在{SignInAttempts.Seconds(wait)}秒后再试。");
        }

        if (!await users.CheckPasswordAsync(user, command.CurrentPassword))
        {
            await SignInAttempts.FailedAsync(db, [accountKey], now, cancellationToken);
            db.Record(new Actor(user.UserName!), time, "identity.password-change-failed", nameof(User), user.UserName!, "修改密码时当前密码错误");
            await db.SaveChangesAsync(cancellationToken);
            return Invalid("当前密码不正确。");
        }

        await SignInAttempts.PasswordConfirmedAsync(db, accountKey, now, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcome = await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword);
        if (!outcome.Succeeded)
        {
            return Invalid(string.Join("；", outcome.Errors.Select(e => e.Description)));
        }

        user.MustChangePassword = false;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return Invalid(string.Join("；", updated.Errors.Select(e => e.Description)));
        }
        db.Record(new Actor(user.UserName!), time, "identity.password-changed", nameof(User), user.UserName!, "密码已修改");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        rotations.Rotated(user.Id);
        return user;
    }

    private static Refusal Invalid(string detail) => new("identity/invalid-password", "密码修改失败", detail);
}
