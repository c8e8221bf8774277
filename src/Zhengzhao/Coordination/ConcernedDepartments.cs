using Microsoft.EntityFrameworkCore;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Coordination;

/// <summary>
/// Who gets an acknowledge-only copy (抄告) of a push besides the approving department: the item's industry authority
/// (行业主管部门), and the local offices (属地) of the company — departments of a city, county or zone government whose
/// area covers the company's region, such as the pilot zone's management committee for a company in the zone.
/// </summary>
public static class ConcernedDepartments
{
    public static async Task<IReadOnlyList<PushCopy>> CopiesAsync(ZhengzhaoDbContext db, IReadOnlyCollection<Push> pushes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(pushes);
        if (pushes.Count == 0)
        {
            return [];
        }

        // Region-level departments cover everyone and are not anyone's local office; the rest cover their area.
        var local = await (from d in db.Departments.AsNoTracking()
                           join r in db.Regions on d.RegionCode equals r.Code
                           where d.IsActive && r.Level != RegionLevel.Province
                           select new { d.Code, d.RegionCode }).ToListAsync(cancellationToken);
        return
        [
            .. pushes.SelectMany(push => local
                    .Where(d => push.RegionCode.StartsWith(Region.CoveragePrefix(d.RegionCode), StringComparison.Ordinal))
                    .Select(d => d.Code)
                    .Append(push.IndustryAuthorityCode)
                    .OfType<string>()
                    .Where(code => code != push.DepartmentCode)
                    .Distinct(StringComparer.Ordinal)
                    .Select(code => new PushCopy(push, code))),
        ];
    }
}
