using Zhengzhao.Common;

namespace Zhengzhao.Coordination;

/// <summary>
/// 抄告: an acknowledge-only copy of a push to a concerned department that does not approve the item (the industry
/// authority). It only takes note (接收); the loop stays with the approving department, and the copy lets the
/// authority follow it (双跟踪).
/// </summary>
public sealed class PushCopy : Audit.IAudited
{
    private PushCopy()
    {
        Uscc = ItemCode = DepartmentCode = EventId = string.Empty;
    }

    public PushCopy(Push push, string departmentCode)
    {
        ArgumentNullException.ThrowIfNull(push);
        PushId = push.Id;
        Uscc = push.Uscc;
        ItemCode = push.ItemCode;
        DepartmentCode = departmentCode;
        EventId = push.EventId;
        SentOn = push.PushedOn;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    /// <summary>The push whose loop the copy follows.</summary>
    public Guid PushId { get; private set; }

    public string Uscc { get; private set; }

    public string ItemCode { get; private set; }

    public string DepartmentCode { get; private set; }

    public string EventId { get; private set; }

    public DateOnly SentOn { get; private set; }

    public DateOnly? AcknowledgedOn { get; private set; }

    public string? AcknowledgedBy { get; private set; }

    public Result<PushCopy> Acknowledge(string officer, DateOnly on)
    {
        if (AcknowledgedOn is { } acknowledged)
        {
            return CoordinationRefusals.AlreadyAcknowledged(acknowledged, AcknowledgedBy);
        }

        AcknowledgedOn = on;
        AcknowledgedBy = officer;
        return this;
    }
}
