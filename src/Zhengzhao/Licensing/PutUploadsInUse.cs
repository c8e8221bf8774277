using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>
/// What Licensing publishes about uploads to the use cases that attach them, its own and other modules' (a credit
/// repair's evidence): an upload a record names is marked in use, so the sweep of unused uploads never takes it, even
/// after the record stops naming it. The mark is what the sweep reads, so no module's tables are searched for names.
/// </summary>
public static class MaterialUploads
{
    /// <summary>
    /// The refusal when an upload named is gone: removed by the sweep after its grace period, or never the company's;
    /// <paramref name="field"/> and <paramref name="what"/> say which of the request's files it is.
    /// </summary>
    public static Refusal Expired(string? field = null, string? what = null)
    {
        var detail = $"{what}所选文件不存在或不属于本企业（上传后 {MaterialFileRules.UnusedGracePeriod.TotalHours:0} 小时内未被使用的文件会被清除），请重新上传。";
        return new("licensing/upload-expired", "上传的文件已失效", detail) { Errors = field is null ? null : new Dictionary<string, string[]> { [field] = [detail] } };
    }

    /// <summary>
    /// Marks the company's uploads <paramref name="uploadIds"/> in use from <paramref name="now"/> (an upload already in
    /// use keeps its first time), in the caller's transaction and before its save: one conditional update, which the
    /// sweep's conditional delete cannot interleave with, so either the upload is kept or this refuses with
    /// <see cref="Expired"/> and the caller, rolling back, writes nothing that names a missing file.
    /// </summary>
    public static async Task<Refusal?> PutInUseAsync(ZhengzhaoDbContext db, string uscc, IEnumerable<Guid> uploadIds, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Uploads are put in use within the transaction of the change that names them.");
        }

        var ids = uploadIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return null;
        }

        var since = now.UtcDateTime;
        var marked = await db.MaterialUploads
            .Where(u => u.Uscc == uscc && ids.Contains(u.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.InUseSince, u => u.InUseSince ?? since), cancellationToken);
        return marked == ids.Count ? null : Expired();
    }
}
