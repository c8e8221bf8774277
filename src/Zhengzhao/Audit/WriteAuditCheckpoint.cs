using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Audit;

/// <summary>
/// Signs the head of a verified chain and writes it as a checkpoint file (ADR 28): on demand by the oversight office
/// or an administrator, and once a day by whichever instance claims the day. A broken chain is not signed: a
/// checkpoint would vouch for the break.
/// </summary>
public sealed class WriteAuditCheckpoint(
    ZhengzhaoDbContext db,
    VerifyAuditChain verify,
    AuditCheckpointKeys checkpointKeys,
    AuditCheckpointStore store,
    TimeProvider time) : IUseCase
{
    /// <summary>The chain key id a checkpoint of a chain with no keyed entry names.</summary>
    public const string LegacyChainKeyId = "sha256";

    public sealed record Written(AuditCheckpoint Checkpoint, string FileName);

    public async Task<Result<Written>> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (checkpointKeys.Signer is not { } signer)
        {
            return AuditRefusals.CheckpointKeyMissing();
        }

        var verdict = await verify.HandleAsync(cancellationToken);
        if (!verdict.Intact)
        {
            return AuditRefusals.ChainBroken(verdict.Reason);
        }

        var head = verdict.Last;
        var checkpoint = AuditCheckpoints.Sign(verdict.EntriesChecked, head?.Sequence ?? 0, head?.Hash ?? AuditChain.Genesis, time.GetUtcNow(), head?.KeyId ?? LegacyChainKeyId, signer);
        var name = await store.WriteAsync(checkpoint, cancellationToken);
        db.Record(actor, time, "audit.checkpoint-written", nameof(AuditCheckpoint), name, $"签发审计检查点：共 {checkpoint.Count} 条，至第 {checkpoint.LastSequence} 条，哈希 {checkpoint.Hash[..12]}…");
        await db.SaveChangesAsync(cancellationToken);
        return new Written(checkpoint, name);
    }

    /// <summary>Today's checkpoint (Beijing date), if no instance has claimed the day yet; null when another has.</summary>
    public async Task<Result<Written>?> DailyAsync(string claimant, CancellationToken cancellationToken = default)
    {
        var day = ChinaTime.Today(time);
        if (await db.AuditCheckpointClaims.AnyAsync(c => c.Day == day, cancellationToken))
        {
            return null;
        }

        db.AuditCheckpointClaims.Add(new AuditCheckpointClaim(day, claimant, time.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another instance inserted the day first: its checkpoint stands.
            return null;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return await HandleAsync(Actor.System, cancellationToken);
    }
}

/// <summary>Tries the daily checkpoint every ten minutes on every instance; the day's claim lets one write it.</summary>
public sealed partial class AuditCheckpointService(IServiceScopeFactory scopes, TimeProvider time, ILogger<AuditCheckpointService> logger)
    : PeriodicService(scopes, time, logger)
{
    private readonly string _claimant = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override async Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (await services.GetRequiredService<WriteAuditCheckpoint>().DailyAsync(_claimant, cancellationToken) is { } written && !written.IsSuccess)
        {
            LogRefused(logger, written.Refusal.Detail);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The daily audit checkpoint was not written: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
