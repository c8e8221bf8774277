using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Catalog;

/// <summary>
/// Ships the four items the notice names as the official catalogue with its rollout (pilot zone from 2018-07-20,
/// the region from 2018-10-01), and, with the demo data set, the demo catalogue. Only missing codes are added.
/// </summary>
public static class CatalogSeeder
{
    public static async Task SeedAsync(ZhengzhaoDbContext db, TimeProvider time, bool includeDemo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await SeedCatalogAsync(db, time, CatalogKind.Official, "catalog/official.json", cancellationToken);
        await EnsureRolloutAsync(db, time, CatalogKind.Official, [(PilotCatalogue.PilotZone, PilotCatalogue.PilotFrom, "试点：拉萨国家级经济技术开发区"), (PilotCatalogue.Region, PilotCatalogue.RegionFrom, "全区推开")], cancellationToken);
        if (includeDemo)
        {
            await SeedCatalogAsync(db, time, CatalogKind.Demo, "catalog/demo.json", cancellationToken);
            await EnsureRolloutAsync(db, time, CatalogKind.Demo, [(PilotCatalogue.Region, PilotCatalogue.PilotFrom, "示例目录：全区适用")], cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The items of a shipped catalogue file, each with its code.</summary>
    public static IReadOnlyList<(string Code, ItemContent Content)> ReadShipped(string path)
    {
        using var document = JsonDocument.Parse(EmbeddedFiles.Open(path));
        return document.RootElement.GetProperty("items").EnumerateArray()
            .Select(item => (item.GetProperty("code").GetString()!, item.Deserialize<ItemContent>(CatalogJson.Options)!))
            .ToList();
    }

    private static async Task SeedCatalogAsync(ZhengzhaoDbContext db, TimeProvider time, CatalogKind kind, string path, CancellationToken cancellationToken)
    {
        var existing = await db.LicensingItems.Select(i => i.Code).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var added = new List<string>();
        foreach (var (code, content) in ReadShipped(path).Where(i => !existing.Contains(i.Code)))
        {
            var item = new LicensingItem(code, kind, now);
            item.SaveDraft(content, now);
            var published = item.Publish(PilotCatalogue.PilotFrom, Actor.System.UserName, now);
            if (!published.IsSuccess)
            {
                throw new InvalidDataException($"Shipped item {code} is invalid: {published.Refusal.Detail}");
            }

            db.LicensingItems.Add(item);
            added.Add(code);
        }

        if (added.Count > 0)
        {
            db.Record(Actor.System, time, "catalog.seeded", nameof(LicensingItem), "*", $"载入{CatalogTerms.Name(kind)}事项 {added.Count} 项：{string.Join("、", added)}");
        }
    }

    private static async Task EnsureRolloutAsync(ZhengzhaoDbContext db, TimeProvider time, CatalogKind kind, (string Region, DateOnly From, string Note)[] lines, CancellationToken cancellationToken)
    {
        if (await db.Rollouts.AnyAsync(r => r.Kind == kind && r.ItemCode == null, cancellationToken))
        {
            return;
        }

        db.Rollouts.AddRange(lines.Select(l => new Rollout(kind, null, l.Region, l.From, l.Note)));
        db.Record(Actor.System, time, "catalog.rollout-seeded", nameof(Rollout), kind.ToString(), string.Join("；", lines.Select(l => $"{l.Region} 自 {l.From:yyyy-MM-dd}（{l.Note}）")));
    }
}
