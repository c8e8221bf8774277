using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Catalog;

/// <summary>Publishes an item's draft from a date; from then it is immutable, and applications pin it.</summary>
public sealed class PublishItemVersion(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public sealed record Command(string Code, DateOnly ValidFrom, Actor Actor);

    public async Task<Result<ItemVersion>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var item = await db.FindItemAsync(command.Code, cancellationToken);
        if (item is null)
        {
            return CatalogRefusals.NotFound(command.Code);
        }

        var published = item.Publish(command.ValidFrom, command.Actor.UserName, time.GetUtcNow().UtcDateTime);
        if (!published.IsSuccess)
        {
            return published;
        }

        db.Record(command.Actor, time, "catalog.version-published", nameof(LicensingItem), $"{item.Code}/v{published.Value.Number}", $"草稿 → 第 {published.Value.Number} 版，自 {command.ValidFrom:yyyy-MM-dd} 起施行");
        return await db.SaveItemsAsync(cancellationToken) is { } conflict ? conflict : published;
    }
}

/// <summary>How the catalogue's use cases load an item to change it and save the change.</summary>
internal static class ItemStore
{
    /// <summary>
    /// Saves a change to items, answering a conflict instead of failing when another request changed the same item
    /// first (a stale stamp) or created the same code first (a double click on a new item).
    /// </summary>
    public static async Task<Refusal?> SaveItemsAsync(this ZhengzhaoDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return CatalogRefusals.ConcurrentChange();
        }
    }

    /// <summary>An item with all its versions, tracked, as a command on the aggregate needs it.</summary>
    public static Task<LicensingItem?> FindItemAsync(this ZhengzhaoDbContext db, string code, CancellationToken cancellationToken) =>
        db.LicensingItems.Include(i => i.Versions).FirstOrDefaultAsync(i => i.Code == code, cancellationToken);
}
