using Zhengzhao.Common;

namespace Zhengzhao.Notifications;

/// <summary>
/// A deadline warning sent: its key (the deadline's kind and matter, its due date, the lead) is unique, which is what
/// makes it once however many instances sweep.
/// </summary>
public sealed class DeadlineWarningSent
{
    private DeadlineWarningSent()
    {
        Kind = string.Empty;
    }

    public DeadlineWarningSent(string kind, Guid subjectId, DateOnly dueOn, int lead, DateTime sentAt)
    {
        Kind = kind;
        SubjectId = subjectId;
        DueOn = dueOn;
        Lead = lead;
        SentAt = sentAt;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    public string Kind { get; private set; }

    public Guid SubjectId { get; private set; }

    /// <summary>Part of the key: after an extension or a pause the deadline moves, and the new date is warned afresh.</summary>
    public DateOnly DueOn { get; private set; }

    /// <summary>Working days ahead; 0 for the notice that the deadline has passed.</summary>
    public int Lead { get; private set; }

    public DateTime SentAt { get; private set; }
}
