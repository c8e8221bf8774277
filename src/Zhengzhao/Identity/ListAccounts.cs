using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Identity;

/// <summary>Accounts with their roles, optionally those of one department (what a department administrator sees) or one account.</summary>
public sealed class ListAccounts(ZhengzhaoDbContext db) : IUseCase
{
    public sealed record Query(string? DepartmentCode = null, string? UserName = null);

    public sealed record Account(string UserName, string DisplayName, IReadOnlyList<string> Roles, string? DepartmentCode, string? DepartmentName, string? RegionCode, string? EnterpriseUscc, bool MustChangePassword, bool Disabled, bool IsDepartmentHead);

    public async Task<IReadOnlyList<Account>> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var users = db.Users.AsNoTracking();
        if (query.DepartmentCode is not null)
        {
            users = users.Where(u => u.DepartmentCode == query.DepartmentCode);
        }

        if (query.UserName is not null)
        {
            users = users.Where(u => u.UserName == query.UserName);
        }

        var list = await users.OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var ids = list.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        return list.Select(u => new Account(
                u.UserName!,
                u.DisplayName,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(),
                u.DepartmentCode,
                u.DepartmentCode is null ? null : departments.GetValueOrDefault(u.DepartmentCode),
                u.RegionCode,
                u.EnterpriseUscc,
                u.MustChangePassword,
                u.DisabledAt != null,
                u.IsDepartmentHead))
            .ToList();
    }
}
