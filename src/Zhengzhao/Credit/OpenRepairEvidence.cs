using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengzhao.Common;
using Zhengzhao.Licensing;
using Zhengzhao.Persistence;

namespace Zhengzhao.Credit;

/// <summary>Opens a file handed in with a repair application, for the deciding department or the company: only through the application that names it.</summary>
public sealed class OpenRepairEvidence(ZhengzhaoDbContext db, IOptions<UploadStorageOptions> storage) : IUseCase
{
    public async Task<Result<OpenMaterial.Opened>> OpenAsync(Guid repairId, Guid uploadId, FindRepairs.Reader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var repair = await db.CreditRepairs.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == repairId && (reader.Uscc != null ? r.Uscc == reader.Uscc : r.DepartmentCode == reader.DepartmentCode), cancellationToken);
        return await db.OpenNamedUploadAsync(storage.Value, repair?.Uscc ?? string.Empty, repair?.Evidence ?? [], uploadId, "这项信用修复申请没有这个文件。", cancellationToken);
    }
}
