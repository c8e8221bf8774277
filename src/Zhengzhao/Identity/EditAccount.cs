using Microsoft.AspNetCore.Identity;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Identity;

/// <summary>
/// The administrator changes an account's name, role, department or region, or disables or enables it. A change
/// to what the account may do or where (role, department, region, disabled) rotates the security stamp, so every
/// session and token issued before ends, rather than carrying the old role or department for hours. An applicant
/// account stays bound to its company, and a member of staff stays staff: that is a new account.
/// </summary>
public sealed class EditAccount(ZhengzhaoDbContext db, UserManager<User> users, IStampRotations rotations, TimeProvider time) : IUseCase
{
    public sealed record Command(string UserName, string DisplayName, string Role, string? DepartmentCode, string? RegionCode, bool Disabled, Actor Actor);

    public async Task<Result<User>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var user = command.UserName.Length > IdentityRules.MaxUserNameLength ? null : await users.FindByNameAsync(command.UserName);
        if (user is null)
        {
            return IdentityRefusals.UserNotFound();
        }

        var role = Roles.Find(command.Role);
        var before = (await users.GetRolesAsync(user)).Select(Roles.Find).OfType<RoleInfo>().FirstOrDefault();
        if (role is null || before is null || role.IsStaff != before.IsStaff)
        {
            return AccountFields.Invalid("角色无效：企业账户与工作人员账户不能互换角色，请另开账户。");
        }

        if (AccountFields.DisplayName(command.DisplayName) is { } badName)
        {
            return badName;
        }

        if (role.IsStaff && await AccountFields.PlaceAsync(db, command.DepartmentCode, command.RegionCode, cancellationToken) is { } badPlace)
        {
            return badPlace;
        }

        if (command.Disabled && command.Actor.UserName == user.UserName)
        {
            return AccountFields.Invalid("不能停用自己正在使用的账户。");
        }

        var changes = new List<string>();
        var department = role.IsStaff ? command.DepartmentCode : null;
        var region = role.IsStaff ? command.RegionCode : null;
        Note(changes, "角色", before.DisplayName, role.DisplayName);
        Note(changes, "部门", user.DepartmentCode, department);
        Note(changes, "区划", user.RegionCode, region);
        Note(changes, "状态", user.DisabledAt is null ? "在用" : "停用", command.Disabled ? "停用" : "在用");
        var endsSessions = changes.Count > 0;
        Note(changes, "姓名", user.DisplayName, command.DisplayName.Trim());
        if (changes.Count == 0)
        {
            return user;
        }

        user.DisplayName = command.DisplayName.Trim();
        if ((user.DepartmentCode != department || !IdentityRules.MayBeDepartmentHead(role.Name)) && user.IsDepartmentHead)
        {
            // The head of one department is no head of the next (the new department's administrator designates its
            // own), and a head who is no longer an approver no longer decides.
            changes.Add("不再担任部门负责人");
            user.IsDepartmentHead = false;
        }

        user.DepartmentCode = department;
        user.RegionCode = region;
        user.DisabledAt = command.Disabled ? user.DisabledAt ?? time.GetUtcNow().UtcDateTime : null;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcome = IdentityResult.Success;
        if (role.Name != before.Name)
        {
            outcome = await users.RemoveFromRoleAsync(user, before.Name);
            if (outcome.Succeeded)
            {
                outcome = await users.AddToRoleAsync(user, role.Name);
            }
        }

        if (outcome.Succeeded)
        {
            outcome = endsSessions ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
        }

        if (!outcome.Succeeded)
        {
            return AccountFields.Invalid(string.Join("；", outcome.Errors.Select(e => e.Description)));
        }

        db.Record(command.Actor, time, "identity.account-changed", nameof(User), user.UserName!, string.Join("；", changes) + (endsSessions ? "；原有会话和令牌已失效" : string.Empty));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (endsSessions)
        {
            rotations.Rotated(user.Id);
        }

        return user;
    }

    private static void Note(List<string> changes, string field, string? before, string? after)
    {
        if (before != after)
        {
            changes.Add($"{field}：{before ?? "无"} → {after ?? "无"}");
        }
    }
}
