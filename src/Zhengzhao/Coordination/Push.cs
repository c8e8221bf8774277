using Zhengzhao.Calendar;
using Zhengzhao.Catalog;
using Zhengzhao.Common;

namespace Zhengzhao.Coordination;

/// <summary>Where a pushed company stands with one approving department (双告知 → 认领 / 回退).</summary>
public enum PushState
{
    /// <summary>Pushed, waiting in the department's inbox.</summary>
    Pending,

    /// <summary>认领: the department took it on.</summary>
    Claimed,

    /// <summary>回退: sent back to the registrar with a reason.</summary>
    Returned,

    /// <summary>改派: the registrar sent a returned push on to another department (a new push carries the loop).</summary>
    Redispatched,

    /// <summary>The registrar closed a returned push: no department concerned.</summary>
    Closed,
}

/// <summary>双反馈: what the approving department reports about the company and the permit.</summary>
public enum FeedbackOutcome
{
    /// <summary>申请办理中: the loop stays open.</summary>
    Applying,

    /// <summary>已发证, with the permit number.</summary>
    Granted,

    /// <summary>不予许可.</summary>
    Refused,

    /// <summary>无需办理, with the reason.</summary>
    NotNeeded,

    /// <summary>无法联系.</summary>
    Unreachable,
}

/// <summary>Why a department sends a push back (回退原因).</summary>
public enum ReturnReason
{
    /// <summary>经营范围内无此审批事项.</summary>
    NotInScope,

    /// <summary>不属于本部门职责.</summary>
    NotOurRemit,

    /// <summary>住所不在本部门辖区.</summary>
    NotOurArea,
}

/// <summary>
/// One push (推送) of one company to one approving department for one catalogue item, made when the company
/// registers or changes its scope. It guards its own state: only a pending push is claimed or returned; only a
/// returned one is re-dispatched or closed by the registrar; the department's feedback closes the loop unless it
/// says the application is still in progress.
/// </summary>
public sealed class Push : Audit.IAudited
{
    public const int MaxRemarkLength = 500;
    public const int MaxPermitNumberLength = 50;

    private Push()
    {
        Uscc = ItemCode = DepartmentCode = RegionCode = EventId = string.Empty;
    }

    public Push(string uscc, string itemCode, string departmentCode, string? industryAuthorityCode, string regionCode, ReformMode mode, string eventId, DateOnly pushedOn)
    {
        Uscc = uscc;
        ItemCode = itemCode;
        DepartmentCode = departmentCode;
        IndustryAuthorityCode = industryAuthorityCode;
        RegionCode = regionCode;
        Mode = mode;
        EventId = eventId;
        PushedOn = pushedOn;
        State = PushState.Pending;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    public string Uscc { get; private set; }

    public string ItemCode { get; private set; }

    public string DepartmentCode { get; private set; }

    /// <summary>行业主管部门 when it is not the approving department: it gets a copy and tracks the loop (双跟踪).</summary>
    public string? IndustryAuthorityCode { get; private set; }

    /// <summary>The company's region, whose calendar counts the working days to claim.</summary>
    public string RegionCode { get; private set; }

    public ReformMode Mode { get; private set; }

    /// <summary>The registration event that caused the push.</summary>
    public string EventId { get; private set; }

    public DateOnly PushedOn { get; private set; }

    public PushState State { get; private set; }

    /// <summary>The day it was claimed or returned.</summary>
    public DateOnly? AnsweredOn { get; private set; }

    public string? AnsweredBy { get; private set; }

    public ReturnReason? ReturnReason { get; private set; }

    public string? ReturnRemark { get; private set; }

    /// <summary>The returned push this one re-dispatches.</summary>
    public Guid? RedispatchedFrom { get; private set; }

    /// <summary>The department a returned push was re-dispatched to.</summary>
    public string? RedispatchedTo { get; private set; }

    public FeedbackOutcome? Outcome { get; private set; }

    public DateOnly? OutcomeOn { get; private set; }

    public string? OutcomeBy { get; private set; }

    public string? PermitNumber { get; private set; }

    /// <summary>The department's reason for "not needed", or the registrar's for closing a returned push.</summary>
    public string? OutcomeNote { get; private set; }

    /// <summary>The day the loop closed: a final outcome, or the registrar closed or re-dispatched it.</summary>
    public DateOnly? LoopClosedOn { get; private set; }

    public bool IsLoopOpen => LoopClosedOn is null;

    public Result<Push> Claim(string officer, DateOnly on)
    {
        if (State != PushState.Pending)
        {
            return WrongState("认领");
        }

        State = PushState.Claimed;
        AnsweredOn = on;
        AnsweredBy = officer;
        return this;
    }

    public Result<Push> Return(ReturnReason reason, string? remark, string officer, DateOnly on)
    {
        if (State != PushState.Pending)
        {
            return WrongState("回退");
        }

        if (!Enum.IsDefined(reason))
        {
            return CoordinationRefusals.InvalidReason;
        }

        var noted = Note(remark, "回退说明");
        if (!noted.IsSuccess)
        {
            return noted.Refusal;
        }

        var note = noted.Value;

        State = PushState.Returned;
        ReturnReason = reason;
        ReturnRemark = note.Length == 0 ? null : note;
        AnsweredOn = on;
        AnsweredBy = officer;
        return this;
    }

    /// <summary>
    /// 双反馈. Answering with an outcome takes the push on, so a pending push is claimed by it; an outcome other than
    /// "applying" closes the loop, after which the feedback stands.
    /// </summary>
    public Result<Push> Feedback(FeedbackOutcome outcome, string? permitNumber, string? remark, string officer, DateOnly on)
    {
        if (State is not (PushState.Pending or PushState.Claimed) || !IsLoopOpen)
        {
            return WrongState("反馈");
        }

        if (!Enum.IsDefined(outcome))
        {
            return CoordinationRefusals.InvalidOutcome;
        }

        var number = permitNumber?.Trim() ?? string.Empty;
        var numberProblem = outcome != FeedbackOutcome.Granted ? null
            : number.Length == 0 ? $"反馈“已发证”须填写许可证（备案）编号，不超过{MaxPermitNumberLength}个字符。"
            : TextLimits.Problem(number, MaxPermitNumberLength, "许可证（备案）编号");
        if (numberProblem is not null)
        {
            return CoordinationRefusals.PermitNumberRequired(numberProblem);
        }

        var noted = Note(remark, "反馈说明");
        if (!noted.IsSuccess)
        {
            return noted.Refusal;
        }

        var note = noted.Value;

        if (outcome == FeedbackOutcome.NotNeeded && note.Length == 0)
        {
            return CoordinationRefusals.NotNeededWithoutReason;
        }

        if (State == PushState.Pending)
        {
            State = PushState.Claimed;
            AnsweredOn = on;
            AnsweredBy = officer;
        }

        Outcome = outcome;
        OutcomeOn = on;
        OutcomeBy = officer;
        PermitNumber = outcome == FeedbackOutcome.Granted ? number : null;
        OutcomeNote = note.Length == 0 ? null : note;
        LoopClosedOn = outcome == FeedbackOutcome.Applying ? null : on;
        return this;
    }

    /// <summary>改派: the registrar sends a returned push to the department it belongs to; the new push carries the loop.</summary>
    public Result<Push> Redispatch(string departmentCode, string officer, DateOnly on)
    {
        if (State != PushState.Returned)
        {
            return WrongState("改派");
        }

        if (string.Equals(departmentCode, DepartmentCode, StringComparison.Ordinal))
        {
            return CoordinationRefusals.SameDepartment;
        }

        State = PushState.Redispatched;
        RedispatchedTo = departmentCode;
        OutcomeBy = officer;
        OutcomeOn = on;
        LoopClosedOn = on;
        return new Push(Uscc, ItemCode, departmentCode, IndustryAuthorityCode, RegionCode, Mode, EventId, on) { RedispatchedFrom = Id };
    }

    /// <summary>The registrar agrees with the return: no department needs to act, and the loop closes with the reason.</summary>
    public Result<Push> Close(string? remark, string officer, DateOnly on)
    {
        if (State != PushState.Returned)
        {
            return WrongState("办结");
        }

        var noted = Note(remark, "办结说明");
        if (!noted.IsSuccess)
        {
            return noted.Refusal;
        }

        if (noted.Value is not { Length: > 0 } note)
        {
            return CoordinationRefusals.CloseWithoutReason;
        }

        State = PushState.Closed;
        OutcomeNote = note;
        OutcomeBy = officer;
        OutcomeOn = on;
        LoopClosedOn = on;
        return this;
    }

    /// <summary>The claim light: working days from the push to the answer, or to today while it waits.</summary>
    public TrafficLight TimelinessOn(WorkCalendar calendar, DateOnly today) => PushRules.Timeliness(calendar, RegionCode, PushedOn, AnsweredOn ?? today);

    /// <summary>A trimmed note (empty when none), or why it cannot be kept: too long, or holding control characters.</summary>
    private static Result<string> Note(string? text, string label) =>
        (text?.Trim() ?? string.Empty) is var note && TextLimits.Problem(note, MaxRemarkLength, label, TextKind.Paragraph) is { } problem
            ? CoordinationRefusals.RemarkTooLong(problem)
            : note;

    private Refusal WrongState(string action) => CoordinationRefusals.WrongState(this, action);
}

public static class PushRules
{
    public const int GreenUpTo = 7;
    public const int YellowUpTo = 10;

    /// <summary>How late a claim is, in working days since the push: green ≤ 7, yellow 8–10, red beyond.</summary>
    public static TrafficLight Timeliness(WorkCalendar calendar, string region, DateOnly pushedOn, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var days = calendar.WorkdaysBetween(pushedOn, asOf, region);
        return days <= GreenUpTo ? TrafficLight.Green : days <= YellowUpTo ? TrafficLight.Yellow : TrafficLight.Red;
    }

    /// <summary>
    /// A loop is overdue when it is still open after the claim window plus the item's committed limit: by then the
    /// company should have applied and been decided, or the department should have said why not.
    /// </summary>
    public static DateOnly LoopDueOn(WorkCalendar calendar, string region, DateOnly pushedOn, int committedLimitDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkdays(pushedOn, YellowUpTo + committedLimitDays, region);
    }

    public static string Name(PushState state) => state switch
    {
        PushState.Pending => "待认领",
        PushState.Claimed => "已认领",
        PushState.Returned => "已回退",
        PushState.Redispatched => "已改派",
        _ => "已办结",
    };

    public static string Name(FeedbackOutcome outcome) => outcome switch
    {
        FeedbackOutcome.Applying => "申请办理中",
        FeedbackOutcome.Granted => "已发证",
        FeedbackOutcome.Refused => "不予许可",
        FeedbackOutcome.NotNeeded => "无需办理",
        _ => "无法联系",
    };

    /// <summary>The state as people read it: the feedback once there is one.</summary>
    public static string Describe(Push push)
    {
        ArgumentNullException.ThrowIfNull(push);
        return push.Outcome is { } outcome ? $"{Name(push.State)}·{Name(outcome)}" : Name(push.State);
    }

    public static string Name(ReturnReason reason) => reason switch
    {
        ReturnReason.NotInScope => "经营范围内无此审批事项",
        ReturnReason.NotOurRemit => "不属于本部门职责",
        _ => "住所不在本部门辖区",
    };

}
