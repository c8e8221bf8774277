using Zhengzhao.Common;

namespace Zhengzhao.Credit;

/// <summary>Causes of listing (严重违法失信企业名单管理暂行办法 第五条), grouped as the register publishes them.</summary>
public enum SeriousCause
{
    /// <summary>被列入经营异常名录届满 3 年仍未履行相关义务.</summary>
    AbnormalListExpired,

    /// <summary>提交虚假材料或者采取其他欺诈手段取得登记，被撤销登记.</summary>
    FraudulentRegistration,

    /// <summary>组织策划传销，或者因直销、不正当竞争等违法行为在规定期限内多次受到行政处罚.</summary>
    RepeatedViolations,

    /// <summary>提供的商品或者服务不符合保障人身、财产安全要求，造成严重后果.</summary>
    SafetyHarm,

    /// <summary>法律、行政法规规定的其他情形.</summary>
    Other,
}

/// <summary>
/// 列入严重违法失信企业名单: a listing decision with its cause, authority and the remedies open to the company. It
/// stands for five years and then ends by itself, or ends early through credit repair. For three years from the
/// decision the company's legal representative at that time may not be the legal representative of another company
/// (企业信息公示暂行条例 第十七条): the listing keeps that person's identity number, encrypted as the register keeps it.
/// </summary>
public sealed class SeriousListing : Audit.IAudited
{
    public const string DefaultRemedies = "如不服本决定，可以自收到决定书之日起六十日内依法申请行政复议，或者自知道或者应当知道之日起六个月内依法提起行政诉讼。";

    private SeriousListing()
    {
        Uscc = EnterpriseName = DecisionNumber = Facts = DepartmentCode = Authority = Remedies = ListedBy = LegalRepresentative = LegalRepresentativeIdProtected = string.Empty;
    }

    public SeriousListing(string uscc, string enterpriseName, SeriousCause cause, string decisionNumber, string facts, string departmentCode, string authority, DateOnly listedOn, string listedBy, (string Name, string IdProtected) legalRepresentative, Guid? fromAbnormalListing = null)
        : this()
    {
        Uscc = uscc;
        EnterpriseName = enterpriseName;
        Cause = cause;
        DecisionNumber = decisionNumber;
        Facts = facts;
        DepartmentCode = departmentCode;
        Authority = authority;
        ListedOn = listedOn;
        EndsOn = SeriousListRules.EndsOn(listedOn);
        RepresentativeBarEndsOn = SeriousListRules.RepresentativeBarEndsOn(listedOn);
        ListedBy = listedBy;
        Remedies = DefaultRemedies;
        (LegalRepresentative, LegalRepresentativeIdProtected) = legalRepresentative;
        AbnormalListingId = fromAbnormalListing;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    public string Uscc { get; private set; }

    public string EnterpriseName { get; private set; }

    public SeriousCause Cause { get; private set; }

    public string DecisionNumber { get; private set; }

    public string Facts { get; private set; }

    public string DepartmentCode { get; private set; }

    public string Authority { get; private set; }

    /// <summary>The decision's date, also its publication date.</summary>
    public DateOnly ListedOn { get; private set; }

    /// <summary>The first day it no longer stands, unless repair ended it earlier.</summary>
    public DateOnly EndsOn { get; private set; }

    /// <summary>The first day the legal representative may again serve elsewhere.</summary>
    public DateOnly RepresentativeBarEndsOn { get; private set; }

    /// <summary>救济途径 told with the decision.</summary>
    public string Remedies { get; private set; }

    public string ListedBy { get; private set; }

    /// <summary>The legal representative on the day of listing: the person the three-year bar follows.</summary>
    public string LegalRepresentative { get; private set; }

    public string LegalRepresentativeIdProtected { get; private set; }

    /// <summary>The abnormal-list listing whose three years led here, if that was the cause.</summary>
    public Guid? AbnormalListingId { get; private set; }

    /// <summary>Ended early, by credit repair.</summary>
    public DateOnly? RemovedOn { get; private set; }

    public string? RemovalNote { get; private set; }

    public string? RemovedBy { get; private set; }

    public bool InForce(DateOnly today) => RemovedOn is null && today >= ListedOn && today < EndsOn;

    /// <summary>The day it ended, by repair or at the end of its period; null while it stands.</summary>
    public DateOnly? EndedOn(DateOnly today) => RemovedOn ?? (today >= EndsOn ? EndsOn : null);

    public Result<SeriousListing> Remove(string note, string officer, DateOnly on)
    {
        if (EndedOn(on) is { } ended)
        {
            return CreditRefusals.SeriousListingEnded(ended);
        }

        RemovedOn = on;
        RemovalNote = note;
        RemovedBy = officer;
        return this;
    }
}

/// <summary>The periods of the serious list, counted in calendar years from the decision.</summary>
public static class SeriousListRules
{
    /// <summary>严重违法失信企业名单管理暂行办法 第十三条: five years without a further cause, then removal.</summary>
    public const int YearsListed = 5;

    /// <summary>企业信息公示暂行条例 第十七条: three years in which the legal representative may not serve elsewhere.</summary>
    public const int YearsRepresentativeBarred = 3;

    /// <summary>Credit repair may be asked after a year on the list (市场监督管理信用修复管理办法 第十二条).</summary>
    public const int YearsBeforeRepair = 1;

    public static DateOnly EndsOn(DateOnly listedOn) => listedOn.AddYears(YearsListed);

    public static DateOnly RepresentativeBarEndsOn(DateOnly listedOn) => listedOn.AddYears(YearsRepresentativeBarred);

    public static string Name(SeriousCause cause) => cause switch
    {
        SeriousCause.AbnormalListExpired => "被列入经营异常名录届满3年仍未履行相关义务",
        SeriousCause.FraudulentRegistration => "提交虚假材料或者采取其他欺诈手段取得登记，被撤销登记",
        SeriousCause.RepeatedViolations => "组织策划传销，或者因违法行为在规定期限内多次受到行政处罚",
        SeriousCause.SafetyHarm => "提供的商品或者服务不符合保障人身、财产安全要求，造成严重后果",
        _ => "法律、行政法规规定的其他情形",
    };
}
