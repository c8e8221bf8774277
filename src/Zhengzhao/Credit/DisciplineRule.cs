namespace Zhengzhao.Credit;

/// <summary>What a listing may restrict across departments (一处违法，处处受限): the measure of a rule.</summary>
public enum Restriction
{
    /// <summary>No notice-and-commitment route: the ordinary process only.</summary>
    CommitmentRoute,

    /// <summary>Every application flagged for closer review (从严审查).</summary>
    CloserReview,

    /// <summary>Drawn for inspection at a raised ratio (提高抽查比例), read by the inspection module.</summary>
    RaisedInspectionRatio,

    /// <summary>The legal representative at listing may not be one elsewhere (任职限制), enforced by the registry.</summary>
    LegalRepresentative,
}

/// <summary>What on a company's record triggers a rule: the condition.</summary>
public enum DisciplineTrigger
{
    /// <summary>On the serious-violation list (严重违法失信名单), not yet ended.</summary>
    SeriousList,

    /// <summary>On the abnormal operations list (经营异常名录), not yet removed.</summary>
    AbnormalList,

    /// <summary>An earlier false commitment not yet repaired (信用修复).</summary>
    CommitmentBreach,
}

/// <summary>
/// One row of the joint-discipline table (联合惩戒措施清单): condition → measure → where it applies, with its legal
/// basis and the dates it is in force. The table is data: the engine reads it, no screen keeps its own copy.
/// </summary>
public sealed class DisciplineRule : Audit.IAudited
{
    private DisciplineRule()
    {
        Code = AppliesIn = Basis = string.Empty;
    }

    public DisciplineRule(string code, DisciplineTrigger trigger, Restriction restriction, string appliesIn, string basis, DateOnly effectiveFrom, DateOnly? effectiveTo = null, int? ratioMultiplier = null)
        : this()
    {
        Code = code;
        Trigger = trigger;
        Restriction = restriction;
        AppliesIn = appliesIn;
        Basis = basis;
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
        RatioMultiplier = ratioMultiplier;
    }

    /// <summary>The rule's number in the table, e.g. LJ-01: what a refusal cites.</summary>
    public string Code { get; private set; }

    public DisciplineTrigger Trigger { get; private set; }

    public Restriction Restriction { get; private set; }

    /// <summary>Where the measure applies, as the table publishes it.</summary>
    public string AppliesIn { get; private set; }

    public string Basis { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>The first day the rule no longer applies; null while it has no end.</summary>
    public DateOnly? EffectiveTo { get; private set; }

    /// <summary>For a raised inspection ratio: how many times the ordinary ratio.</summary>
    public int? RatioMultiplier { get; private set; }

    public bool InForce(DateOnly today) => today >= EffectiveFrom && (EffectiveTo is not { } to || today < to);

    /// <summary>What the measure means for the company, after the fact that triggered it.</summary>
    public string Consequence() => Restriction switch
    {
        Restriction.CommitmentRoute => "信用修复前不能选择告知承诺方式，请按一般程序申请。",
        Restriction.CloserReview => "依联合惩戒规则，其许可申请须从严审查。",
        Restriction.RaisedInspectionRatio => $"列为重点监管对象，抽查比例提高至 {RatioMultiplier ?? 1} 倍。",
        _ => "其时任法定代表人三年内不得担任其他企业的法定代表人。",
    };

    public static string Name(Restriction restriction) => restriction switch
    {
        Restriction.CommitmentRoute => "不适用告知承诺制",
        Restriction.CloserReview => "从严审查",
        Restriction.RaisedInspectionRatio => "提高抽查比例",
        _ => "法定代表人任职限制",
    };

    /// <summary>The table as shipped. 国发〔2018〕35号 is the State Council's notice rolling out 证照分离 (2018-10-10).</summary>
    internal static IReadOnlyList<DisciplineRule> Shipped { get; } =
    [
        new("LJ-01", DisciplineTrigger.SeriousList, Restriction.CommitmentRoute, "行政许可：告知承诺审批", "国务院关于在全国推开“证照分离”改革的通知（国发〔2018〕35号）：对失信主体不适用告知承诺制", new DateOnly(2018, 10, 10)),
        new("LJ-02", DisciplineTrigger.SeriousList, Restriction.CloserReview, "行政许可：全部申请", "企业信息公示暂行条例 第十八条：对被列入严重违法企业名单的企业依法予以限制", new DateOnly(2014, 10, 1)),
        new("LJ-03", DisciplineTrigger.SeriousList, Restriction.LegalRepresentative, "市场主体登记：法定代表人任职", "企业信息公示暂行条例 第十七条第二款：被列入严重违法企业名单的企业的法定代表人、负责人，3年内不得担任其他企业的法定代表人、负责人", new DateOnly(2014, 10, 1)),
        new("LJ-04", DisciplineTrigger.SeriousList, Restriction.RaisedInspectionRatio, "双随机抽查", "国务院办公厅关于推广随机抽查规范事中事后监管的通知（国办发〔2015〕58号）：对有严重违法违规记录的市场主体加大随机抽查力度", new DateOnly(2015, 8, 5), ratioMultiplier: 3),
        new("LJ-05", DisciplineTrigger.AbnormalList, Restriction.CloserReview, "行政许可：全部申请", "企业信息公示暂行条例 第十八条：将企业信息作为重要考量因素", new DateOnly(2014, 10, 1)),
        new("LJ-06", DisciplineTrigger.AbnormalList, Restriction.RaisedInspectionRatio, "双随机抽查", "国务院办公厅关于推广随机抽查规范事中事后监管的通知（国办发〔2015〕58号）：对列入经营异常名录的市场主体加大随机抽查力度", new DateOnly(2015, 8, 5), ratioMultiplier: 2),
        new("LJ-07", DisciplineTrigger.CommitmentBreach, Restriction.CommitmentRoute, "行政许可：告知承诺审批", "国发〔2018〕35号：作出虚假承诺的申请人，在信用修复前不适用告知承诺制", new DateOnly(2018, 10, 10)),
    ];
}
