using Microsoft.EntityFrameworkCore;
using Zhengzhao.Catalog;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Coordination;

/// <summary>Pushes as lists show them: with the company's name and the item as the catalogue now publishes it.</summary>
public static class PushViews
{
    public sealed record Item(string Name, int CommittedLimitDays);

    public sealed record Row(Push Push, string CompanyName, Item Item);

    public static async Task<IReadOnlyList<Row>> WithNamesAsync(ZhengzhaoDbContext db, IQueryable<Push> pushes, CancellationToken cancellationToken)
    {
        var rows = await (from p in pushes.AsNoTracking()
                          join e in db.RegisteredEnterprises() on p.Uscc equals e.Uscc
                          select new { Push = p, e.Name }).ToListAsync(cancellationToken);
        var items = await ItemsAsync(db, rows.Select(r => r.Push.ItemCode).Distinct().ToList(), cancellationToken);
        return rows.Select(r => new Row(r.Push, r.Name, items.GetValueOrDefault(r.Push.ItemCode) ?? new Item(r.Push.ItemCode, 0))).ToList();
    }

    /// <summary>The latest published version of each item: its name and committed limit, which set when a loop is overdue.</summary>
    public static async Task<IReadOnlyDictionary<string, Item>> ItemsAsync(ZhengzhaoDbContext db, IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var versions = await db.PublishedVersions()
            .Where(v => codes.Contains(v.ItemCode))
            .Select(v => new { v.ItemCode, v.Number, v.Name, v.Content })
            .ToListAsync(cancellationToken);
        return versions.GroupBy(v => v.ItemCode)
            .Select(g => g.MaxBy(v => v.Number)!)
            .ToDictionary(v => v.ItemCode, v => new Item(v.Name, v.Content.CommittedLimitDays));
    }
}
