using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Catalog;

/// <summary>Declared against entered items of the official pilot catalogue, per mode: what remains to enter or import.</summary>
public sealed class GetCompleteness(ZhengzhaoDbContext db) : IUseCase
{
    public sealed record Line(ReformMode Mode, int Declared, int Entered)
    {
        public int Remaining => Math.Max(0, Declared - Entered);
    }

    public async Task<IReadOnlyList<Line>> HandleAsync(CancellationToken cancellationToken = default)
    {
        // An item counts once it has a published version and is not retired, whatever mode its latest version has.
        var latest = await db.ItemVersions.AsNoTracking()
            .Where(v => !v.IsDraft)
            .Join(db.LicensingItems.Where(i => i.Kind == CatalogKind.Official && i.RetiredOn == null), v => v.ItemCode, i => i.Code, (v, i) => new { v.ItemCode, v.Number, v.Mode })
            .ToListAsync(cancellationToken);
        var modes = latest.GroupBy(v => v.ItemCode).Select(g => g.MaxBy(v => v.Number)!.Mode).ToList();
        return CatalogTerms.Modes.Select(m => new Line(m, PilotCatalogue.Declared[m], modes.Count(x => x == m))).ToList();
    }
}
