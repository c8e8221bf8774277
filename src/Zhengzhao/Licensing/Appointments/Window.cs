using Zhengzhao.ReferenceData;

namespace Zhengzhao.Licensing.Appointments;

/// <summary>
/// The window a clerk works at: its department and its region. A clerk serves the halls of its department in its
/// region or under it, and no other: a clerk of one district in a province-wide department must not see or mark the
/// bookings of another district's hall. A clerk bound to no region serves no hall.
/// </summary>
public sealed record Window(string DepartmentCode, string? RegionCode)
{
    public IQueryable<ServiceHall> Halls(IQueryable<ServiceHall> halls)
    {
        ArgumentNullException.ThrowIfNull(halls);
        if (!Region.IsWellFormedCode(RegionCode))
        {
            return halls.Where(h => false);
        }

        var prefix = Region.CoveragePrefix(RegionCode!);
        return halls.Where(h => h.DepartmentCode == DepartmentCode && h.RegionCode.StartsWith(prefix));
    }
}
