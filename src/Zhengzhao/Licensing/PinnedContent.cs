using Microsoft.EntityFrameworkCore;
using Zhengzhao.Catalog;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>The full content of the item version an application was filed under: its permit terms and material rules.</summary>
internal static class PinnedContent
{
    public static Task<ItemContent?> OfAsync(ZhengzhaoDbContext db, Application application, CancellationToken cancellationToken) =>
        db.ItemVersions.AsNoTracking()
            .Where(v => v.ItemCode == application.ItemCode && v.Number == application.Item.Version)
            .Select(v => (ItemContent?)v.Content)
            .FirstOrDefaultAsync(cancellationToken);
}
