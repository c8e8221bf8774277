namespace Zhengzhao.Audit;

/// <summary>
/// The daily checkpoint's claim: the day is the key, so of several instances the one whose insert succeeds writes that
/// day's checkpoint and the others find it taken.
/// </summary>
public sealed class AuditCheckpointClaim
{
    private AuditCheckpointClaim()
    {
        ClaimedBy = string.Empty;
    }

    public AuditCheckpointClaim(DateOnly day, string claimedBy, DateTime claimedAt)
    {
        Day = day;
        ClaimedBy = claimedBy;
        ClaimedAt = claimedAt;
    }

    /// <summary>The Beijing date the checkpoint is for.</summary>
    public DateOnly Day { get; private set; }

    public string ClaimedBy { get; private set; }

    public DateTime ClaimedAt { get; private set; }
}
