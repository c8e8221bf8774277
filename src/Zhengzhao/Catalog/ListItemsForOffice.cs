using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Catalog;

/// <summary>Every item with all its versions, drafts and retired items included: what the reform office manages.</summary>
public sealed class ListItemsForOffice(ZhengzhaoDbContext db) : IUseCase
{
    public async Task<IReadOnlyList<LicensingItem>> HandleAsync(CancellationToken cancellationToken = default) =>
        await db.LicensingItems.AsNoTracking().Include(i => i.Versions).OrderBy(i => i.Kind).ThenBy(i => i.Code).ToListAsync(cancellationToken);

    public async Task<LicensingItem?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        await db.LicensingItems.AsNoTracking().Include(i => i.Versions).FirstOrDefaultAsync(i => i.Code == code, cancellationToken);
}
