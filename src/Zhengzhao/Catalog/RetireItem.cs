using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Catalog;

/// <summary>Retires an item from a date (取消或调整出目录); its versions stay for the applications that pinned them.</summary>
public sealed class RetireItem(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public sealed record Command(string Code, DateOnly From, Actor Actor);

    public async Task<Result<LicensingItem>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var item = await db.FindItemAsync(command.Code, cancellationToken);
        if (item is null)
        {
            return CatalogRefusals.NotFound(command.Code);
        }

        var retired = item.Retire(command.From);
        if (!retired.IsSuccess)
        {
            return retired;
        }

        db.Record(command.Actor, time, "catalog.item-retired", nameof(LicensingItem), item.Code, $"在用 → 自 {command.From:yyyy-MM-dd} 起废止");
        return await db.SaveItemsAsync(cancellationToken) is { } conflict ? conflict : retired;
    }
}
