using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Audit;

/// <summary>
/// Walks the whole chain in batches and reports the first broken link, then holds the chain against the newest
/// checkpoint (ADR 28), which is what detects a cut tail or a chain rebuilt by someone holding the chain key.
/// </summary>
public sealed class VerifyAuditChain(ZhengzhaoDbContext db, AuditKeyRing keys, AuditCheckpointKeys checkpointKeys, AuditCheckpointStore checkpoints) : IUseCase
{
    private const int BatchSize = 2000;

    /// <summary>The last entry that verified: what a checkpoint written now would state.</summary>
    public sealed record Head(long Sequence, string Hash, string? KeyId);

    /// <summary>The newest checkpoint found (null when its file is unreadable) and what the chain contradicts in it.</summary>
    public sealed record CheckpointCheck(AuditCheckpoint? Checkpoint, string? Contradiction)
    {
        public bool Holds => Contradiction is null;
    }

    /// <summary>The outcome; <see cref="Checkpoint"/> is null when no checkpoint has been written yet.</summary>
    public sealed record Verdict(long EntriesChecked, AuditBreak? Break, Head? Last, CheckpointCheck? Checkpoint)
    {
        public bool Intact => Break is null && Checkpoint?.Holds != false;
    }

    public async Task<Verdict> HandleAsync(CancellationToken cancellationToken = default)
    {
        AuditEntry? previous = null;
        long checkedCount = 0;
        AuditBreak? found = null;
        while (found is null)
        {
            var after = previous?.Sequence ?? 0;
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            found = AuditChain.FindBreak(batch, keys, previous);
            var intact = found is null ? batch : batch.TakeWhile(e => e.Sequence < found.Sequence).ToList();
            checkedCount += intact.Count;
            previous = intact.Count > 0 ? intact[^1] : previous;
        }

        var head = previous is null ? null : new Head(previous.Sequence, previous.Hash, previous.KeyId);
        return new Verdict(checkedCount, found, head, await CheckLatestCheckpointAsync(cancellationToken));
    }

    private async Task<CheckpointCheck?> CheckLatestCheckpointAsync(CancellationToken cancellationToken)
    {
        var (checkpoint, unreadable) = await checkpoints.LatestAsync(cancellationToken);
        if (checkpoint is null)
        {
            return unreadable is null ? null : new CheckpointCheck(null, unreadable);
        }

        var entries = await db.AuditEntries.LongCountAsync(cancellationToken);
        var hashAtCheckpoint = checkpoint.LastSequence == 0
            ? AuditChain.Genesis
            : await db.AuditEntries.Where(e => e.Sequence == checkpoint.LastSequence).Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken);
        return new CheckpointCheck(checkpoint, AuditCheckpoints.Contradiction(checkpoint, checkpointKeys.Verifier, entries, hashAtCheckpoint));
    }
}
