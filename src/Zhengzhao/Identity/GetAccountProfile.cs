using Microsoft.EntityFrameworkCore;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Identity;

/// <summary>What the workbench shows a signed-in user about themselves, and the warnings their role must see.</summary>
public sealed class GetAccountProfile(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public sealed record Profile(string UserName, string DisplayName, IReadOnlyList<RoleInfo> Roles, string? DepartmentName, string? RegionName, Uscc? Enterprise, string? EnterpriseRegionName, IReadOnlyList<string> Warnings);

    public async Task<Profile?> HandleAsync(string userName, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == user.Id
                           select r.Name).ToListAsync(cancellationToken);
        var roleInfos = Identity.Roles.All.Where(r => roles.Contains(r.Name)).ToList();
        var department = user.DepartmentCode is null ? null : await db.Departments.AsNoTracking().Where(d => d.Code == user.DepartmentCode).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        var region = await RegionNameAsync(user.RegionCode, cancellationToken);
        var enterprise = Uscc.Check(user.EnterpriseUscc).Code;
        var enterpriseRegion = await RegionNameAsync(enterprise?.RegionCode, cancellationToken);

        var warnings = new List<string>();
        if (roleInfos.Exists(r => r.Name == Identity.Roles.Administrator))
        {
            var years = await db.CalendarYears.AsNoTracking().Where(y => y.Layer == CalendarLayers.National).ToListAsync(cancellationToken);
            if (GetCalendarOverview.MissingYearWarning(years, ChinaTime.Today(time).Year) is { } warning)
            {
                warnings.Add(warning);
            }
        }

        return new Profile(user.UserName!, user.DisplayName, roleInfos, department, region, enterprise, enterpriseRegion, warnings);
    }

    private async Task<string?> RegionNameAsync(string? code, CancellationToken cancellationToken) =>
        code is null ? null : await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);
}
