using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Catalog;

/// <summary>What changed between two versions of an item (a draft counts as the version it will become).</summary>
public sealed class CompareVersions(ZhengzhaoDbContext db) : IUseCase
{
    public sealed record Query(string Code, int Before, int After);

    public sealed record Comparison(string Code, int Before, int After, IReadOnlyList<FieldChange> Changes);

    public async Task<Result<Comparison>> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var versions = await db.ItemVersions.AsNoTracking()
            .Where(v => v.ItemCode == query.Code && (v.Number == query.Before || v.Number == query.After))
            .ToListAsync(cancellationToken);
        var before = versions.FirstOrDefault(v => v.Number == query.Before);
        var after = versions.FirstOrDefault(v => v.Number == query.After);
        if (before is null || after is null)
        {
            return CatalogRefusals.VersionNotFound(query.Code, before is null ? query.Before : query.After);
        }

        return new Comparison(query.Code, query.Before, query.After, VersionDiff.Between(before.Content, after.Content));
    }
}
