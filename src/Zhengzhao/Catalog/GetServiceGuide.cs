using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Catalog;

/// <summary>An item's service guide (办事指南): the version in force today, or a named version.</summary>
public sealed class GetServiceGuide(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public sealed record Query(string Code, int? Version = null);

    public sealed record Guide(string Code, CatalogKind Kind, int Version, DateOnly? ValidFrom, DateOnly? ValidTo, DateOnly? RetiredOn, ItemContent Content, string DepartmentName, string? IndustryAuthorityName, IReadOnlyList<Rollout> Rollout);

    public async Task<Result<Guide>> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var item = await db.LicensingItems.AsNoTracking().Include(i => i.Versions).FirstOrDefaultAsync(i => i.Code == query.Code, cancellationToken);
        var version = query.Version is { } number
            ? item?.Versions.FirstOrDefault(v => v.Number == number && !v.IsDraft)
            : item?.InForceOn(ChinaTime.Today(time)) ?? item?.LatestPublished;
        if (item is null || version is null)
        {
            return CatalogRefusals.NotPublished(query.Code, query.Version);
        }

        var names = await db.Departments.AsNoTracking()
            .Where(d => d.Code == version.DepartmentCode || d.Code == version.Content.IndustryAuthorityCode)
            .ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        var rollout = await db.Rollouts.AsNoTracking()
            .Where(r => r.Kind == item.Kind && (r.ItemCode == null || r.ItemCode == item.Code))
            .OrderBy(r => r.From)
            .ToListAsync(cancellationToken);
        return new Guide(item.Code, item.Kind, version.Number, version.ValidFrom, version.ValidTo, item.RetiredOn, version.Content, names.GetValueOrDefault(version.DepartmentCode, version.DepartmentCode), version.Content.IndustryAuthorityCode is { } authority ? names.GetValueOrDefault(authority, authority) : null, rollout);
    }
}
