using Microsoft.EntityFrameworkCore;
using Zhengzhao.Persistence;

namespace Zhengzhao.Catalog;

/// <summary>A published version of a licensing item, as other modules read it (drafts never leave the catalogue).</summary>
public sealed record PublishedVersion
{
    public required string ItemCode { get; init; }

    public required int Number { get; init; }

    public required string Name { get; init; }

    public required string DepartmentCode { get; init; }

    public required ReformMode Mode { get; init; }

    public required CatalogKind Kind { get; init; }

    public required DateOnly? ValidFrom { get; init; }

    public required DateOnly? ValidTo { get; init; }

    public required DateOnly? RetiredOn { get; init; }

    public required ItemContent Content { get; init; }
}

/// <summary>One line of the rollout plan: from when a catalogue, or one item of it, applies in a region and below.</summary>
public sealed record RolloutLine(CatalogKind Kind, string? ItemCode, string RegionCode, DateOnly From);

/// <summary>What the catalogue lets other modules read: its published versions and its rollout plan.</summary>
public static class PublishedCatalog
{
    /// <summary>Every published version with its item's kind and retirement, composable into the caller's query.</summary>
    public static IQueryable<PublishedVersion> PublishedVersions(this ZhengzhaoDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ItemVersions.AsNoTracking()
            .Where(v => !v.IsDraft)
            .Join(db.LicensingItems, v => v.ItemCode, i => i.Code, (v, i) => new PublishedVersion
            {
                ItemCode = v.ItemCode,
                Number = v.Number,
                Name = v.Name,
                DepartmentCode = v.DepartmentCode,
                Mode = v.Mode,
                Kind = i.Kind,
                ValidFrom = v.ValidFrom,
                ValidTo = v.ValidTo,
                RetiredOn = i.RetiredOn,
                Content = v.Content,
            });
    }

    /// <summary>The versions in force on a day: valid then, of an item not retired by then.</summary>
    public static IQueryable<PublishedVersion> InForce(this IQueryable<PublishedVersion> versions, DateOnly day) =>
        versions.Where(v => v.ValidFrom <= day && (v.ValidTo == null || v.ValidTo >= day) && (v.RetiredOn == null || v.RetiredOn > day));

    /// <summary>The whole rollout plan: a few dozen lines, read at once for <see cref="RolloutRules.Applies"/>.</summary>
    public static Task<List<RolloutLine>> RolloutPlanAsync(this ZhengzhaoDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Rollouts.AsNoTracking().Select(r => new RolloutLine(r.Kind, r.ItemCode, r.RegionCode, r.From)).ToListAsync(cancellationToken);
    }
}
