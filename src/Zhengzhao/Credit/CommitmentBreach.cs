using Zhengzhao.Common;

namespace Zhengzhao.Credit;

/// <summary>
/// 虚假承诺: a commitment found false on verification (核查). It goes on the company's credit record and, until credit
/// repair, bars the commitment route (see <see cref="JointDiscipline"/>).
/// </summary>
public sealed class CommitmentBreach : Audit.IAudited
{
    private CommitmentBreach()
    {
        Uscc = ItemCode = Finding = RecordedBy = string.Empty;
    }

    public CommitmentBreach(string uscc, string itemCode, Guid applicationId, string finding, string recordedBy, DateOnly recordedOn)
        : this()
    {
        Uscc = uscc;
        ItemCode = itemCode;
        ApplicationId = applicationId;
        Finding = finding;
        RecordedBy = recordedBy;
        RecordedOn = recordedOn;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    public string Uscc { get; private set; }

    public string ItemCode { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string Finding { get; private set; }

    public string RecordedBy { get; private set; }

    public DateOnly RecordedOn { get; private set; }

    /// <summary>信用修复: the day the bar was lifted.</summary>
    public DateOnly? RepairedOn { get; private set; }

    public Result<CommitmentBreach> Repair(DateOnly on)
    {
        if (RepairedOn is { } repaired)
        {
            return CreditRefusals.AlreadyRepaired(repaired);
        }

        RepairedOn = on;
        return this;
    }
}
