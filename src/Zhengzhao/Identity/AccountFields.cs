using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Identity;

/// <summary>The checks an account's fields pass when it is opened and when it is edited.</summary>
internal static class AccountFields
{
    /// <summary>The display name's problem, named by its field (<c>displayName</c>), or null.</summary>
    public static Refusal? DisplayName(string displayName)
    {
        var problem = displayName.Trim().Length is 0 or > IdentityRules.MaxDisplayNameLength ? $"请填写姓名或单位名称，不超过{IdentityRules.MaxDisplayNameLength}个字。"
            : TextLimits.Problem(displayName.Trim(), IdentityRules.MaxDisplayNameLength, "姓名或单位名称");
        return problem is null ? null : Invalid(problem) with { Errors = new Dictionary<string, string[]> { ["displayName"] = [problem] } };
    }

    /// <summary>A member of staff works in an active department and a known region.</summary>
    public static async Task<Refusal?> PlaceAsync(ZhengzhaoDbContext db, string? departmentCode, string? regionCode, CancellationToken cancellationToken)
    {
        if (departmentCode is null || !await db.Departments.AnyAsync(d => d.Code == departmentCode && d.IsActive, cancellationToken))
        {
            return Invalid("工作人员账户必须属于一个在用的部门。");
        }

        return regionCode is null || !await db.Regions.AnyAsync(r => r.Code == regionCode, cancellationToken)
            ? Invalid("工作人员账户必须属于一个有效的区划。")
            : null;
    }

    public static Refusal Invalid(string detail) => new("identity/invalid-account", "账户信息无效", detail);
}
