using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Catalog;

/// <summary>A template or sample for download.</summary>
public sealed class GetMaterialFile(ZhengzhaoDbContext db) : IUseCase
{
    public async Task<MaterialFile?> HandleAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.MaterialFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
}
