using Microsoft.AspNetCore.Identity;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Identity;

/// <summary>
/// 部门负责人: the department administrator designates one of the department's approvers as its head, or clears
/// it; the platform administrator may do so in any department; nobody designates themselves. Who may is decided here from the acting account, not
/// by the page. The change rotates the account's security stamp, so its pages offer the head's actions (or stop) at
/// once.
/// </summary>
public sealed class SetDepartmentHead(ZhengzhaoDbContext db, UserManager<User> users, IStampRotations rotations, TimeProvider time) : IUseCase
{
    public sealed record Command(string UserName, bool IsHead, Actor Actor);

    public async Task<Result<User>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var user = command.UserName.Length > IdentityRules.MaxUserNameLength ? null : await users.FindByNameAsync(command.UserName);
        var actor = await users.FindByNameAsync(command.Actor.UserName);
        var actorRoles = actor is null ? [] : await users.GetRolesAsync(actor);
        var mayDesignate = actorRoles.Contains(Roles.Administrator)
            || (actorRoles.Contains(Roles.DepartmentAdmin) && user?.DepartmentCode is { } department && department == actor!.DepartmentCode);
        if (user is null || !mayDesignate)
        {
            // A department administrator learns nothing of other departments' accounts.
            return new Refusal("identity/user-not-found", "账户不存在", "账户不存在，或不属于您管理的部门。", RefusalKind.NotFound);
        }

        if (user.DepartmentCode is null || user.EnterpriseUscc is not null)
        {
            return AccountFields.Invalid("只有部门工作人员可以担任部门负责人。");
        }

        // Nobody designates themselves: the head's powers are granted by someone else, on the record.
        if (command.IsHead && user.UserName == command.Actor.UserName)
        {
            return AccountFields.Invalid("不能指定自己为部门负责人，请由系统管理员或本部门其他管理员办理。");
        }

        if (command.IsHead && !(await users.GetRolesAsync(user)).Any(IdentityRules.MayBeDepartmentHead))
        {
            return AccountFields.Invalid("只有本部门的审批人员可以担任部门负责人；部门管理员、执法检查人员和窗口人员不能担任。");
        }

        if (user.IsDepartmentHead == command.IsHead)
        {
            return user;
        }

        user.IsDepartmentHead = command.IsHead;
        db.Record(command.Actor, time, command.IsHead ? "identity.department-head-set" : "identity.department-head-cleared", nameof(User), user.UserName!, command.IsHead ? $"指定为部门负责人（{user.DepartmentCode}）" : $"不再担任部门负责人（{user.DepartmentCode}）");
        var outcome = await users.UpdateSecurityStampAsync(user);
        if (!outcome.Succeeded)
        {
            return AccountFields.Invalid(string.Join("；", outcome.Errors.Select(e => e.Description)));
        }

        rotations.Rotated(user.Id);
        return user;
    }
}
