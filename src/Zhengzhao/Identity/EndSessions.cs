using Microsoft.AspNetCore.Identity;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Identity;

/// <summary>
/// Ends every session and token of an account, on every device: the security stamp is rotated, and every login
/// cookie, access token and refresh token carries the old one. Signing out does this, and so does the owner's
/// "退出所有设备".
/// </summary>
public sealed class EndSessions(ZhengzhaoDbContext db, UserManager<User> users, IStampRotations rotations, TimeProvider time) : IUseCase
{
    public async Task<Result<User>> HandleAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return IdentityRefusals.UserNotFound();
        }

        // The user store saves the stamp and the audit entry in one SaveChanges.
        db.Record(new Actor(user.UserName!), time, "identity.sessions-ended", nameof(User), user.UserName!, "退出登录：所有设备上的会话和令牌均已失效");
        var rotated = await users.UpdateSecurityStampAsync(user);
        if (!rotated.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", rotated.Errors.Select(e => e.Code)));
        }

        rotations.Rotated(user.Id);
        return user;
    }
}
