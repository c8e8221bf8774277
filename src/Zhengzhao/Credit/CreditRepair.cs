using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Credit;

/// <summary>What a credit repair asks to end.</summary>
public enum RepairTarget
{
    /// <summary>移出经营异常名录.</summary>
    AbnormalListing,

    /// <summary>提前移出严重违法失信名单.</summary>
    SeriousListing,

    /// <summary>解除虚假承诺对告知承诺制的限制.</summary>
    CommitmentBreach,

    /// <summary>提前停止公示行政处罚信息.</summary>
    Penalty,
}

public enum RepairState
{
    Applied,
    Approved,
    Rejected,

    /// <summary>Ended undecided: the entry stopped having effect another way (cured, objection upheld, moved).</summary>
    Closed,
}

/// <summary>
/// 信用修复: a company that has met its obligations asks the department behind an entry to end its effect early,
/// stating what it did and handing in evidence. The department approves (the listing ends, the bar lifts, the penalty
/// stops being published) or rejects with reasons. One application per entry may be open at a time.
/// </summary>
public sealed class CreditRepair : Audit.IAudited
{
    public const int MaxTextLength = 1000;

    private CreditRepair()
    {
        Uscc = EnterpriseName = TargetTitle = DepartmentCode = Statement = AppliedBy = string.Empty;
        Evidence = [];
    }

    public CreditRepair(string uscc, string enterpriseName, RepairTarget target, Guid targetId, string targetTitle, string departmentCode, string statement, IReadOnlyList<Guid> evidence, string appliedBy, DateOnly appliedOn)
        : this()
    {
        Uscc = uscc;
        EnterpriseName = enterpriseName;
        Target = target;
        TargetId = targetId;
        OpenTargetId = targetId;
        TargetTitle = targetTitle;
        DepartmentCode = departmentCode;
        Statement = statement;
        Evidence = evidence;
        AppliedBy = appliedBy;
        AppliedOn = appliedOn;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    public string Uscc { get; private set; }

    public string EnterpriseName { get; private set; }

    public RepairTarget Target { get; private set; }

    public Guid TargetId { get; private set; }

    /// <summary>The target's id while the application is open, null after: a unique index keeps one open per entry.</summary>
    public Guid? OpenTargetId { get; private set; }

    /// <summary>The entry as the company sees it, e.g. “列入经营异常名录：拉市监异〔2026〕1号”.</summary>
    public string TargetTitle { get; private set; }

    /// <summary>The department that decides: the one behind the entry.</summary>
    public string DepartmentCode { get; private set; }

    /// <summary>What the company did to meet its obligations (履行义务情况及信用承诺).</summary>
    public string Statement { get; private set; }

    /// <summary>The company's uploaded files that prove it.</summary>
    public IReadOnlyList<Guid> Evidence { get; private set; }

    public string AppliedBy { get; private set; }

    public DateOnly AppliedOn { get; private set; }

    public RepairState State { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? DecidedBy { get; private set; }

    /// <summary>The department's reasons, for an approval as for a rejection.</summary>
    public string? Reasons { get; private set; }

    public Result<CreditRepair> Decide(bool approve, string reasons, string officer, DateOnly on) =>
        End(approve ? RepairState.Approved : RepairState.Rejected, reasons, officer, on);

    /// <summary>The entry ended without this repair: nothing is left to decide.</summary>
    public Result<CreditRepair> Close(string why, string officer, DateOnly on) => End(RepairState.Closed, why, officer, on);

    private Result<CreditRepair> End(RepairState state, string reasons, string officer, DateOnly on)
    {
        if (State != RepairState.Applied)
        {
            return CreditRefusals.RepairDecided(DecidedOn, State);
        }

        State = state;
        Reasons = reasons;
        DecidedBy = officer;
        DecidedOn = on;
        OpenTargetId = null;
        return this;
    }
}

/// <summary>
/// When an entry may be repaired (市场监督管理信用修复管理办法 and the list measures): an abnormal listing or a false
/// commitment once the obligation is met; the serious list after a year on it; a penalty's publicity after three
/// months for a warning and a year for anything heavier. A penalty is published for three years in any case.
/// </summary>
public static class RepairRules
{
    public const int PenaltyPublicityYears = 3;

    public static DateOnly EligibleFrom(RepairTarget target, DateOnly since, PenaltyMeasure? measure = null) => target switch
    {
        RepairTarget.SeriousListing => since.AddYears(SeriousListRules.YearsBeforeRepair),
        RepairTarget.Penalty => measure == PenaltyMeasure.Warning ? since.AddMonths(3) : since.AddYears(1),
        _ => since,
    };

    public static Refusal? TooEarly(RepairTarget target, DateOnly since, DateOnly today, PenaltyMeasure? measure = null) =>
        EligibleFrom(target, since, measure) is var from && today < from
            ? CreditRefusals.RepairTooEarly(target, from)
            : null;

    public static string Name(RepairTarget target) => target switch
    {
        RepairTarget.AbnormalListing => "经营异常名录列入决定",
        RepairTarget.SeriousListing => "严重违法失信名单列入决定",
        RepairTarget.CommitmentBreach => "虚假承诺记录",
        _ => "行政处罚信息",
    };

    public static string Name(RepairState state) => state switch
    {
        RepairState.Applied => "待审核",
        RepairState.Approved => "准予修复",
        RepairState.Rejected => "不予修复",
        _ => "已终止",
    };
}
