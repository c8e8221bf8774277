using Zhengzhao.Licensing.Verifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Credit;

/// <summary>Credit's side of Licensing's port: a false commitment becomes a breach that bars the commitment route until credit repair.</summary>
public sealed class RecordCommitmentBreach(ZhengzhaoDbContext db) : IRecordCommitmentBreach
{
    public Guid Record(FalseCommitment breach)
    {
        ArgumentNullException.ThrowIfNull(breach);
        var recorded = new CommitmentBreach(breach.Uscc, breach.ItemCode, breach.ApplicationId, breach.Finding, breach.RecordedBy, breach.RecordedOn);
        db.CommitmentBreaches.Add(recorded);
        return recorded.Id;
    }
}
