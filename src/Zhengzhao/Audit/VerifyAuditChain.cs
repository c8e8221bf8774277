using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Audit;

/// <summary>Walks the whole chain in batches and reports the first broken link.</summary>
public sealed class VerifyAuditChain(ZhengzhaoDbContext db) : IUseCase
{
    private const int BatchSize = 2000;

    public sealed record Verdict(long EntriesChecked, AuditBreak? Break)
    {
        public bool Intact => Break is null;
    }

    public async Task<Verdict> HandleAsync(CancellationToken cancellationToken = default)
    {
        AuditEntry? previous = null;
        long checkedCount = 0;
        while (true)
        {
            var after = previous?.Sequence ?? 0;
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return new Verdict(checkedCount, null);
            }

            if (AuditChain.FindBreak(batch, previous) is { } found)
            {
                return new Verdict(checkedCount + batch.Count(e => e.Sequence < found.Sequence), found);
            }

            checkedCount += batch.Count;
            previous = batch[^1];
        }
    }
}
