using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>
/// Removes uploads that nothing uses once their grace period (<see cref="MaterialFileRules.UnusedGracePeriod"/>) has
/// passed: files uploaded for a filing that was refused or never sent. An upload is in use while an application names
/// it (a material, the agent's power of attorney, an assessment's attachment), a verification keeps it as an
/// attachment or a credit repair as evidence. The rows go first, with their audit entries, in one transaction; the
/// files after it committed, so a row never names a missing file. Files are stored once per content: a file is deleted
/// only when no other upload names it and nobody stored or reused it within the grace period. A file that cannot be
/// deleted is logged and handed back, for the next pass to try again.
/// </summary>
public sealed partial class SweepUploads(ZhengzhaoDbContext db, IOptions<UploadStorageOptions> storage, TimeProvider time, ILogger<SweepUploads> logger) : IUseCase
{
    /// <summary>Uploads one pass removes at most, so that a backlog is worked off in short transactions.</summary>
    public const int BatchSize = 500;

    // Uploads are named in JSON columns, by their id in lower case; SQLite compares with LIKE case-blind and
    // PostgreSQL writes a uuid as text in lower case, so one statement serves both. Each reference is the company's
    // own upload (the use cases that attach files check it), which keeps every look-up to one company's rows. The
    // time is compared in SQL too: SQLite keeps it as text, which EF does not compare, and every upload is stamped in
    // UTC, so the text sorts as the time does.
    private const string Unused = """
        SELECT u.* FROM "MaterialUploads" AS u
        WHERE NOT EXISTS (SELECT 1 FROM "Applications" AS a WHERE a."Uscc" = u."Uscc" AND (
                a."Materials" LIKE '%' || CAST(u."Id" AS TEXT) || '%'
                OR a."Agent" LIKE '%' || CAST(u."Id" AS TEXT) || '%'
                OR a."Assessments" LIKE '%' || CAST(u."Id" AS TEXT) || '%'))
          AND NOT EXISTS (SELECT 1 FROM "Verifications" AS v WHERE v."Uscc" = u."Uscc" AND v."Attachments" LIKE '%' || CAST(u."Id" AS TEXT) || '%')
          AND NOT EXISTS (SELECT 1 FROM "CreditRepairs" AS r WHERE r."Uscc" = u."Uscc" AND r."Evidence" LIKE '%' || CAST(u."Id" AS TEXT) || '%')
          AND u."UploadedAt" < {0}
        LIMIT {1}
        """;

    /// <param name="Removed">Uploads whose rows were deleted.</param>
    /// <param name="FilesLeft">Stored files (paths under the upload root) still to delete: the next pass tries again.</param>
    public sealed record Outcome(int Removed, IReadOnlyList<string> FilesLeft);

    /// <param name="filesLeft">What the previous pass could not delete.</param>
    public async Task<Outcome> RunAsync(IReadOnlyCollection<string> filesLeft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filesLeft);
        var cutoff = time.GetUtcNow() - MaterialFileRules.UnusedGracePeriod;
        List<MaterialUpload> unused;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Instances sweep in turn, so an upload's removal is recorded once: on PostgreSQL a lock held until the
            // transaction ends; on SQLite the second writer's transaction fails and its pass is retried.
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727020)", cancellationToken);
            }

            unused = await db.MaterialUploads.FromSqlRaw(Unused, cutoff, BatchSize).AsNoTracking().ToListAsync(cancellationToken);
            if (unused.Count > 0)
            {
                var ids = unused.Select(u => u.Id).ToList();
                await db.MaterialUploads.Where(u => ids.Contains(u.Id)).ExecuteDeleteAsync(cancellationToken);
                foreach (var upload in unused)
                {
                    db.Record(Actor.System, time, "licensing.upload-removed", nameof(MaterialUpload), upload.Id.ToString(), $"{upload.Uscc} 的上传材料 {upload.FileName}（{upload.UploadedAt.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm} 上传）超过 {MaterialFileRules.UnusedGracePeriod.TotalHours:0} 小时未被任何申请使用，已删除");
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var left = new List<string>();
        foreach (var storedAs in unused.Select(u => u.StoredAs).Concat(filesLeft).Distinct(StringComparer.Ordinal))
        {
            if (!await TryDeleteAsync(storedAs, cutoff, cancellationToken))
            {
                left.Add(storedAs);
            }
        }

        return new Outcome(unused.Count, left);
    }

    /// <summary>Deletes a stored file no upload names any more; false when it has to wait for the next pass.</summary>
    private async Task<bool> TryDeleteAsync(string storedAs, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        if (await db.MaterialUploads.AnyAsync(u => u.StoredAs == storedAs, cancellationToken))
        {
            return true;
        }

        var path = Path.Combine(storage.Value.Root, storedAs);
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                return true;
            }

            // Stored or reused by an upload whose row may not be saved yet: the next pass decides.
            if (file.LastWriteTimeUtc >= cutoff.UtcDateTime)
            {
                return false;
            }

            file.Delete();
            return true;
        }
        catch (IOException e)
        {
            LogNotDeleted(logger, storedAs, e);
            return false;
        }
        catch (UnauthorizedAccessException e)
        {
            LogNotDeleted(logger, storedAs, e);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The unused upload file {StoredAs} could not be deleted; the next pass tries again")]
    private static partial void LogNotDeleted(ILogger logger, string storedAs, Exception exception);
}

/// <summary>Sweeps unused uploads every hour on every instance, carrying the files a pass could not delete to the next.</summary>
public sealed class UploadSweepService(IServiceScopeFactory scopes, TimeProvider time, ILogger<UploadSweepService> logger) : PeriodicService(scopes, time, logger)
{
    private IReadOnlyList<string> _filesLeft = [];

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        _filesLeft = (await services.GetRequiredService<SweepUploads>().RunAsync(_filesLeft, cancellationToken)).FilesLeft;
}
