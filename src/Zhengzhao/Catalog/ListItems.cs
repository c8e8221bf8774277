using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Catalog;

/// <summary>The catalogue as the public browses it: the items in force today, filtered, with counts per mode.</summary>
public sealed class ListItems(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public sealed record Query(ReformMode? Mode = null, string? Department = null, string? Keyword = null, CatalogKind? Kind = null);

    public sealed record Entry(string Code, CatalogKind Kind, int Version, string Name, string DepartmentCode, string DepartmentName, ReformMode Mode, int StatutoryLimitDays, int CommittedLimitDays);

    public sealed record Listing(IReadOnlyList<Entry> Items, IReadOnlyDictionary<ReformMode, int> CountsByMode);

    public async Task<Listing> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var today = ChinaTime.Today(time);
        var versions = db.ItemVersions.AsNoTracking()
            .Where(v => !v.IsDraft && v.ValidFrom <= today && (v.ValidTo == null || v.ValidTo >= today))
            .Join(db.LicensingItems.Where(i => i.RetiredOn == null || i.RetiredOn > today), v => v.ItemCode, i => i.Code, (v, i) => new { Version = v, i.Kind });
        if (query.Kind is { } kind)
        {
            versions = versions.Where(x => x.Kind == kind);
        }

        // A filter no item could match (over-long, or with a NUL, which PostgreSQL refuses even to be asked about)
        // finds nothing without asking.
        if (!string.IsNullOrWhiteSpace(query.Department))
        {
            versions = TextLimits.Problem(query.Department, TextLimits.DepartmentCode, "部门") is null ? versions.Where(x => x.Version.DepartmentCode == query.Department) : versions.Where(_ => false);
        }

        if (!string.IsNullOrWhiteSpace(query.Keyword))
        {
            var keyword = query.Keyword.Trim();
            versions = TextLimits.Problem(keyword, TextLimits.Name, "关键词") is null ? versions.Where(x => x.Version.Name.Contains(keyword) || x.Version.ItemCode.Contains(keyword)) : versions.Where(_ => false);
        }

        // The counts answer "how many of each mode match", so they ignore the mode filter itself.
        var all = await versions.ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        var counts = CatalogTerms.Modes.ToDictionary(m => m, m => all.Count(x => x.Version.Mode == m));
        var items = all
            .Where(x => query.Mode is null || x.Version.Mode == query.Mode)
            .OrderBy(x => x.Kind).ThenBy(x => x.Version.Mode).ThenBy(x => x.Version.ItemCode, StringComparer.Ordinal)
            .Select(x => new Entry(x.Version.ItemCode, x.Kind, x.Version.Number, x.Version.Name, x.Version.DepartmentCode, departments.GetValueOrDefault(x.Version.DepartmentCode, x.Version.DepartmentCode), x.Version.Mode, x.Version.Content.StatutoryLimitDays, x.Version.Content.CommittedLimitDays))
            .ToList();
        return new Listing(items, counts);
    }
}
