using Zhengzhao.Common;

namespace Zhengzhao.Credit;

/// <summary>行政处罚的种类 (行政处罚法 第九条), as a decision states its measure.</summary>
public enum PenaltyMeasure
{
    /// <summary>警告、通报批评.</summary>
    Warning,

    /// <summary>罚款、没收违法所得、没收非法财物.</summary>
    Fine,

    /// <summary>暂扣许可证件、降低资质等级、吊销许可证件.</summary>
    PermitSanction,

    /// <summary>限制开展生产经营活动、责令停产停业、责令关闭、限制从业.</summary>
    BusinessRestriction,

    /// <summary>行政拘留 and other measures set by law.</summary>
    Other,
}

/// <summary>
/// 行政处罚决定: entered by the department that decided it, published on the company's credit record with its
/// decision number, legal basis, facts, measure, amount, date and authority. A department's decision number is unique.
/// </summary>
public sealed class Penalty : Audit.IAudited
{
    public const int MaxNumberLength = 60;
    public const int MaxBasisLength = 500;
    public const int MaxFactsLength = 1500;

    private Penalty()
    {
        DecisionNumber = Uscc = DepartmentCode = LegalBasis = Facts = EnteredBy = string.Empty;
    }

    public Penalty(string decisionNumber, string uscc, string departmentCode, string legalBasis, string facts, PenaltyMeasure measure, decimal? amount, DateOnly decidedOn, string enteredBy)
        : this()
    {
        DecisionNumber = decisionNumber;
        Uscc = uscc;
        DepartmentCode = departmentCode;
        LegalBasis = legalBasis;
        Facts = facts;
        Measure = measure;
        Amount = amount;
        DecidedOn = decidedOn;
        EnteredBy = enteredBy;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    /// <summary>处罚决定书文号, e.g. 拉市监处〔2026〕12号.</summary>
    public string DecisionNumber { get; private set; }

    public string Uscc { get; private set; }

    /// <summary>作出处罚的机关.</summary>
    public string DepartmentCode { get; private set; }

    public string LegalBasis { get; private set; }

    /// <summary>违法事实.</summary>
    public string Facts { get; private set; }

    public PenaltyMeasure Measure { get; private set; }

    /// <summary>罚没金额 in yuan, for a fine or confiscation.</summary>
    public decimal? Amount { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public string EnteredBy { get; private set; }

    /// <summary>信用修复: the day publication stopped early; otherwise it runs <see cref="RepairRules.PenaltyPublicityYears"/> years.</summary>
    public DateOnly? PublicityEndedOn { get; private set; }

    /// <summary>The first day the penalty is no longer published.</summary>
    public DateOnly PublicUntil => PublicityEndedOn ?? DecidedOn.AddYears(RepairRules.PenaltyPublicityYears);

    public Result<Penalty> EndPublicity(DateOnly on)
    {
        if (on >= PublicUntil)
        {
            return CreditRefusals.PublicityEnded(PublicUntil);
        }

        PublicityEndedOn = on;
        return this;
    }

    public static string Name(PenaltyMeasure measure) => measure switch
    {
        PenaltyMeasure.Warning => "警告、通报批评",
        PenaltyMeasure.Fine => "罚款、没收违法所得、没收非法财物",
        PenaltyMeasure.PermitSanction => "暂扣许可证件、降低资质等级、吊销许可证件",
        PenaltyMeasure.BusinessRestriction => "限制开展生产经营活动、责令停产停业、责令关闭、限制从业",
        _ => "其他行政处罚",
    };
}
