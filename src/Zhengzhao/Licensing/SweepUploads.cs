using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>
/// Removes uploads no record ever used once their grace period (<see cref="MaterialFileRules.UnusedGracePeriod"/>) has
/// passed: files uploaded for a filing that was refused or never sent. Whether a record used an upload is the upload's
/// own mark (<see cref="MaterialUpload.InUseSince"/>, set by <see cref="MaterialUploads.PutInUseAsync"/>), so nothing
/// here reads the tables of what names uploads, and an upload once part of a record (a material a supplement replaced)
/// is never removed. The rows go first, with their audit entries, in one transaction. Then the stored files: the pass
/// walks the storage folder itself and deletes every file older than the grace period that no upload names, so a file
/// whose row went in this pass, one an earlier pass or a restart left behind, and one an interrupted upload left are
/// all found by the next pass, with nothing to remember in between.
/// </summary>
public sealed partial class SweepUploads(ZhengzhaoDbContext db, IOptions<UploadStorageOptions> storage, TimeProvider time, ILogger<SweepUploads> logger) : IUseCase
{
    /// <summary>Uploads one pass removes at most, so that a backlog is worked off in short transactions.</summary>
    public const int BatchSize = 500;

    /// <summary>Stored files looked up in one query: the folder is read as a stream, a chunk at a time.</summary>
    public const int FileBatchSize = 2000;

    /// <param name="Removed">Uploads whose rows were deleted.</param>
    /// <param name="FilesDeleted">Stored files deleted because no upload names them.</param>
    public sealed record Outcome(int Removed, int FilesDeleted);

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - MaterialFileRules.UnusedGracePeriod;
        var removed = await RemoveRowsAsync(cutoff.UtcDateTime, cancellationToken);
        var deleted = 0;
        foreach (var chunk in OldFiles(cutoff.UtcDateTime).Chunk(FileBatchSize))
        {
            var names = chunk.Select(f => f.StoredAs).ToList();
            var named = (await db.MaterialUploads.AsNoTracking().Where(u => names.Contains(u.StoredAs)).Select(u => u.StoredAs).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            deleted += chunk.Count(f => !named.Contains(f.StoredAs) && TryDelete(f, cutoff.UtcDateTime));
        }

        return new Outcome(removed, deleted);
    }

    private async Task<int> RemoveRowsAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Instances sweep in turn, so an upload's removal is recorded once: on PostgreSQL a lock held until the
        // transaction ends; on SQLite the second writer's transaction waits or fails and its pass is retried.
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727020)", cancellationToken);
        }

        var unused = await db.MaterialUploads.AsNoTracking()
            .Where(u => u.InUseSince == null && u.UploadedAt < cutoff)
            .OrderBy(u => u.UploadedAt)
            .Take(BatchSize)
            .Select(u => new { u.Id, u.Uscc, u.FileName, u.UploadedAt })
            .ToListAsync(cancellationToken);
        if (unused.Count == 0)
        {
            return 0;
        }

        // Deleted only while still unused: an upload put in use since it was read above stays, and is not recorded.
        var ids = unused.Select(u => u.Id).ToList();
        var removed = await db.MaterialUploads.Where(u => ids.Contains(u.Id) && u.InUseSince == null).ExecuteDeleteAsync(cancellationToken);
        HashSet<Guid> kept = removed == ids.Count ? [] : (await db.MaterialUploads.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var upload in unused.Where(u => !kept.Contains(u.Id)))
        {
            db.Record(Actor.System, time, "licensing.upload-removed", nameof(MaterialUpload), upload.Id.ToString(), $"{upload.Uscc} 的上传材料 {upload.FileName}（{ChinaTime.ToChina(upload.UploadedAt):yyyy-MM-dd HH:mm} 上传）超过 {MaterialFileRules.UnusedGracePeriod.TotalHours:0} 小时未被任何记录使用，已删除");
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    /// <summary>The stored files last written before <paramref name="cutoff"/>, read from the folder as they are listed.</summary>
    private IEnumerable<StoredFile> OldFiles(DateTime cutoff)
    {
        var root = storage.Value.Root;
        if (!Directory.Exists(root))
        {
            yield break;
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        foreach (var file in new DirectoryInfo(root).EnumerateFiles("*", options))
        {
            if (file.LastWriteTimeUtc < cutoff)
            {
                yield return new StoredFile(Path.GetRelativePath(root, file.FullName), file);
            }
        }
    }

    /// <summary>Deletes a stored file no upload names; false when it is gone already, was stored again just now, or cannot be deleted yet.</summary>
    private bool TryDelete(StoredFile stored, DateTime cutoff)
    {
        try
        {
            // Read again at the last moment: an upload that stores or reuses this content stamps the file before its
            // row is saved, so a fresh stamp means a row is about to name it.
            stored.File.Refresh();
            if (!stored.File.Exists || stored.File.LastWriteTimeUtc >= cutoff)
            {
                return false;
            }

            stored.File.Delete();
            return true;
        }
        catch (IOException e)
        {
            LogNotDeleted(logger, stored.StoredAs, e);
            return false;
        }
        catch (UnauthorizedAccessException e)
        {
            LogNotDeleted(logger, stored.StoredAs, e);
            return false;
        }
    }

    private sealed record StoredFile(string StoredAs, FileInfo File);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The unused upload file {StoredAs} could not be deleted; the next pass tries again")]
    private static partial void LogNotDeleted(ILogger logger, string storedAs, Exception exception);
}

/// <summary>Sweeps unused uploads and unnamed stored files every hour on every instance.</summary>
public sealed class UploadSweepService(IServiceScopeFactory scopes, TimeProvider time, ILogger<UploadSweepService> logger) : PeriodicService(scopes, time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SweepUploads>().RunAsync(cancellationToken);
}
