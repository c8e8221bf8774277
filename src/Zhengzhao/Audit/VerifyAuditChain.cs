using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Audit;

/// <summary>
/// Walks the whole chain once, in batches, reporting the first broken link, and holds it against every checkpoint in
/// the folder (ADR 28) as the walk passes each one's sequence: that is what detects a cut tail or a chain rebuilt by
/// someone holding the chain key, and checking them all means a newest file removed, replaced by a copy of an older
/// one, or forged does not hide what the others vouch for.
/// </summary>
public sealed class VerifyAuditChain(ZhengzhaoDbContext db, AuditKeyRing keys, AuditCheckpointKeys checkpointKeys, AuditCheckpointStore checkpoints) : IUseCase
{
    private const int BatchSize = 2000;

    /// <summary>The last entry that verified: what a checkpoint written now would state.</summary>
    public sealed record Head(long Sequence, string Hash, string? KeyId);

    /// <summary>One checkpoint file (its checkpoint null when the file is unreadable) and what the chain contradicts in it.</summary>
    public sealed record CheckpointCheck(string FileName, AuditCheckpoint? Checkpoint, string? Contradiction)
    {
        public bool Holds => Contradiction is null;
    }

    /// <summary>
    /// The outcome: <see cref="Checkpoint"/> is the newest file's check (null when no checkpoint has been written yet),
    /// <see cref="Contradicted"/> every file the chain does not agree with, in file order.
    /// </summary>
    public sealed record Verdict(long EntriesChecked, AuditBreak? Break, Head? Last, CheckpointCheck? Checkpoint, int CheckpointsChecked, IReadOnlyList<CheckpointCheck> Contradicted)
    {
        public bool Intact => Break is null && Contradicted.Count == 0;

        /// <summary>The first reason the chain fails, in Chinese, or null when it is intact.</summary>
        public string? Reason => Break?.Reason ?? (Contradicted.Count > 0 ? Contradicted[0].Contradiction : null);
    }

    public async Task<Verdict> HandleAsync(CancellationToken cancellationToken = default)
    {
        var names = checkpoints.Names();
        var checks = new List<CheckpointCheck>(names.Count);
        var pending = new List<(string FileName, AuditCheckpoint Checkpoint)>(names.Count);
        foreach (var name in names)
        {
            var found = await checkpoints.ReadAsync(name, cancellationToken);
            if (found.Checkpoint is { } checkpoint)
            {
                pending.Add((name, checkpoint));
            }
            else
            {
                checks.Add(new CheckpointCheck(name, null, found.Unreadable));
            }
        }

        // In the order the walk reaches them; a name is only a claim, the signed sequence is what counts.
        var due = new Queue<(string FileName, AuditCheckpoint Checkpoint)>(pending.OrderBy(p => p.Checkpoint.LastSequence).ThenBy(p => p.FileName, StringComparer.Ordinal));
        void Settle(long upToSequence, long entriesSoFar, long? atSequence, string? hash)
        {
            while (due.TryPeek(out var next) && next.Checkpoint.LastSequence <= upToSequence)
            {
                due.Dequeue();
                var reached = next.Checkpoint.LastSequence == atSequence;
                checks.Add(new CheckpointCheck(next.FileName, next.Checkpoint, AuditCheckpoints.Contradiction(next.Checkpoint, checkpointKeys.Verifier, entriesSoFar, reached ? hash : null)));
            }
        }

        Settle(0, 0, 0, AuditChain.Genesis);
        AuditEntry? previous = null;
        AuditBreak? broken = null;
        long after = 0;
        long read = 0;
        long intactCount = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            if (broken is null)
            {
                broken = AuditChain.FindBreak(batch, keys, previous);
                var intact = broken is null ? batch : batch.TakeWhile(e => e.Sequence < broken.Sequence).ToList();
                intactCount += intact.Count;
                previous = intact.Count > 0 ? intact[^1] : previous;
            }

            // Past a break the links no longer vouch for anything, but a checkpoint still shows what was there.
            foreach (var entry in batch)
            {
                Settle(entry.Sequence - 1, read, null, null);
                read++;
                Settle(entry.Sequence, read, entry.Sequence, entry.Hash);
            }

            after = batch[^1].Sequence;
        }

        Settle(long.MaxValue, read, null, null);
        var newest = names.Count == 0 ? null : checks.First(c => c.FileName == names[^1]);
        var head = previous is null ? null : new Head(previous.Sequence, previous.Hash, previous.KeyId);
        return new Verdict(intactCount, broken, head, newest, names.Count, [.. checks.Where(c => !c.Holds).OrderBy(c => c.FileName, StringComparer.Ordinal)]);
    }
}
