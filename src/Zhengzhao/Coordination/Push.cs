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

/// <summary>How late a claim is, in working days since the push: green ≤ 7, yellow 8–10, red beyond.</summary>
public enum Timeliness
{
    Green,
    Yellow,
    Red,
}

/// <summary>
/// One push (推送) of one company to one approving department for one catalogue item, made when the company
/// registers or changes its scope. It guards its own state: only a pending push is claimed or returned, and a
/// return needs a reason.
/// </summary>
public sealed class Push
{
    public const int MaxRemarkLength = 500;

    private Push()
    {
        Uscc = ItemCode = DepartmentCode = RegionCode = EventId = string.Empty;
    }

    public Push(string uscc, string itemCode, string departmentCode, string regionCode, ReformMode mode, string eventId, DateOnly pushedOn)
    {
        Uscc = uscc;
        ItemCode = itemCode;
        DepartmentCode = departmentCode;
        RegionCode = regionCode;
        Mode = mode;
        EventId = eventId;
        PushedOn = pushedOn;
        State = PushState.Pending;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Uscc { get; private set; }

    public string ItemCode { get; private set; }

    public string DepartmentCode { get; private set; }

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

    public Result<Push> Claim(string officer, DateOnly on)
    {
        if (State != PushState.Pending)
        {
            return NotPending("认领");
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
            return NotPending("回退");
        }

        if (!Enum.IsDefined(reason))
        {
            return new Refusal("coordination/invalid-reason", "回退原因无效", "回退原因应为：经营范围内无此审批事项、不属于本部门职责或住所不在本部门辖区。");
        }

        if (remark?.Trim().Length > MaxRemarkLength)
        {
            return new Refusal("coordination/remark-too-long", "说明过长", $"回退说明不超过{MaxRemarkLength}字。");
        }

        State = PushState.Returned;
        ReturnReason = reason;
        ReturnRemark = string.IsNullOrWhiteSpace(remark) ? null : remark.Trim();
        AnsweredOn = on;
        AnsweredBy = officer;
        return this;
    }

    /// <summary>The claim light: working days from the push to the answer, or to today while it waits.</summary>
    public Timeliness TimelinessOn(WorkCalendar calendar, DateOnly today) => PushRules.Timeliness(calendar, RegionCode, PushedOn, AnsweredOn ?? today);

    private Refusal NotPending(string action) =>
        new("coordination/not-pending", "状态已变化", $"该推送当前为“{PushRules.Name(State)}”，不能{action}（可能已被他人处理）。", RefusalKind.Conflict);
}

public static class PushRules
{
    public const int GreenUpTo = 7;
    public const int YellowUpTo = 10;

    public static Timeliness Timeliness(WorkCalendar calendar, string region, DateOnly pushedOn, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var days = calendar.WorkdaysBetween(pushedOn, asOf, region);
        return days <= GreenUpTo ? Coordination.Timeliness.Green : days <= YellowUpTo ? Coordination.Timeliness.Yellow : Coordination.Timeliness.Red;
    }

    public static string Name(PushState state) => state switch
    {
        PushState.Pending => "待认领",
        PushState.Claimed => "已认领",
        _ => "已回退",
    };

    public static string Name(ReturnReason reason) => reason switch
    {
        ReturnReason.NotInScope => "经营范围内无此审批事项",
        ReturnReason.NotOurRemit => "不属于本部门职责",
        _ => "住所不在本部门辖区",
    };

    public static string Name(Timeliness light) => light switch
    {
        Coordination.Timeliness.Green => "绿",
        Coordination.Timeliness.Yellow => "黄",
        _ => "红",
    };
}
