using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.ReferenceData;

/// <summary>Regions and departments as the pickers and the administration pages list them.</summary>
public sealed class ListReferenceData(ZhengzhaoDbContext db) : IUseCase
{
    public async Task<IReadOnlyList<Region>> RegionsAsync(CancellationToken cancellationToken = default) =>
        await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Department>> DepartmentsAsync(bool activeOnly, CancellationToken cancellationToken = default) =>
        await db.Departments.AsNoTracking().Where(d => !activeOnly || d.IsActive).OrderBy(d => d.RegionCode).ThenBy(d => d.Code).ToListAsync(cancellationToken);
}
