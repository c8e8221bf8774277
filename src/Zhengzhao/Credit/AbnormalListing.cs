using Zhengzhao.Calendar;
using Zhengzhao.Common;

namespace Zhengzhao.Credit;

/// <summary>The four causes of listing (企业信息公示暂行条例 第八条、第十条、第十七条; 企业经营异常名录管理暂行办法 第四条).</summary>
public enum AbnormalCause
{
    /// <summary>未按规定报送年度报告.</summary>
    AnnualReportNotFiled,

    /// <summary>未在责令的期限内公示即时信息.</summary>
    InstantInformationNotPublished,

    /// <summary>公示信息隐瞒真实情况、弄虚作假.</summary>
    FalseDisclosure,

    /// <summary>通过登记的住所或者经营场所无法联系.</summary>
    Unreachable,
}

/// <summary>Where an objection to a listing stands (异议).</summary>
public enum ObjectionStage
{
    None,
    Lodged,
    Accepted,
    NotAccepted,
    Upheld,
    Dismissed,
}

/// <summary>Why a listing ended (移出).</summary>
public enum ListingEnd
{
    /// <summary>The obligation was met: the report filed, the information published, the address reachable again.</summary>
    Cured,

    /// <summary>An objection was upheld: the listing was wrong.</summary>
    ObjectionUpheld,

    /// <summary>信用修复.</summary>
    Repaired,

    /// <summary>Three years on: moved to the serious-violation list.</summary>
    MovedToSerious,
}

/// <summary>
/// 列入经营异常名录: one listing decision of the market regulator, with the objection it may meet and the removal
/// that ends it. The listing guards its own steps: an objection only within 30 days of publication and only once,
/// acceptance before verification, and nothing after removal.
/// </summary>
public sealed class AbnormalListing : Audit.IAudited
{
    public const int MaxTextLength = 1000;

    private AbnormalListing()
    {
        Uscc = EnterpriseName = DecisionNumber = DepartmentCode = Authority = Facts = ListedBy = string.Empty;
    }

    /// <param name="publishedOn">The day it is published on the credit record: the objection period runs from it.</param>
    public AbnormalListing(string uscc, string enterpriseName, AbnormalCause cause, string decisionNumber, string facts, string departmentCode, string authority, DateOnly listedOn, string listedBy, DateOnly publishedOn, WorkCalendar calendar, string region)
        : this()
    {
        ArgumentNullException.ThrowIfNull(calendar);
        PublishedOn = publishedOn;
        ObjectionDeadline = AbnormalListRules.ObjectionDeadline(publishedOn, calendar, region);
        Uscc = uscc;
        EnterpriseName = enterpriseName;
        Cause = cause;
        DecisionNumber = decisionNumber;
        Facts = facts;
        DepartmentCode = departmentCode;
        Authority = authority;
        ListedOn = listedOn;
        ListedBy = listedBy;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    public string Uscc { get; private set; }

    public string EnterpriseName { get; private set; }

    public AbnormalCause Cause { get; private set; }

    /// <summary>列入决定书文号.</summary>
    public string DecisionNumber { get; private set; }

    public string Facts { get; private set; }

    public string DepartmentCode { get; private set; }

    /// <summary>作出决定机关, as published.</summary>
    public string Authority { get; private set; }

    /// <summary>The decision's date: the three years run from it.</summary>
    public DateOnly ListedOn { get; private set; }

    /// <summary>The day it was published on the credit record.</summary>
    public DateOnly PublishedOn { get; private set; }

    /// <summary>The last day for an objection: 30 days from publication, moved past a day off on which it would fall.</summary>
    public DateOnly ObjectionDeadline { get; private set; }

    public string ListedBy { get; private set; }

    public ObjectionStage Objection { get; private set; }

    public DateOnly? ObjectionLodgedOn { get; private set; }

    public string? ObjectionReason { get; private set; }

    /// <summary>Five working days to decide whether to accept it; twenty more to verify it once accepted.</summary>
    public DateOnly? ObjectionDueOn { get; private set; }

    public DateOnly? ObjectionDecidedOn { get; private set; }

    /// <summary>The answer to the objection: why it was not accepted, or what verification found.</summary>
    public string? ObjectionAnswer { get; private set; }

    public string? ObjectionOfficer { get; private set; }

    public DateOnly? RemovedOn { get; private set; }

    public ListingEnd? RemovedFor { get; private set; }

    public string? RemovalNote { get; private set; }

    public string? RemovedBy { get; private set; }

    public bool InForce => RemovedOn is null;

    /// <summary>异议: by the company, within 30 days of publication, once.</summary>
    public Result<AbnormalListing> LodgeObjection(string reason, DateOnly on, WorkCalendar calendar, string region)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (Ended() is { } ended)
        {
            return ended;
        }

        if (Objection != ObjectionStage.None)
        {
            return CreditRefusals.ObjectionLodged(ObjectionLodgedOn);
        }

        if (on > ObjectionDeadline)
        {
            return CreditRefusals.ObjectionLate(PublishedOn, ObjectionDeadline);
        }

        Objection = ObjectionStage.Lodged;
        ObjectionLodgedOn = on;
        ObjectionReason = reason;
        ObjectionDueOn = calendar.AddWorkdays(on, AbnormalListRules.WorkdaysToAccept, region);
        return this;
    }

    /// <summary>受理 or 不予受理 the objection; refusing it ends it with the reason.</summary>
    public Result<AbnormalListing> DecideAcceptance(bool accept, string? reason, string officer, DateOnly on, WorkCalendar calendar, string region)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (Ended() is { } ended)
        {
            return ended;
        }

        if (Objection != ObjectionStage.Lodged)
        {
            return CreditRefusals.NoObjectionToAccept(Objection);
        }

        ObjectionOfficer = officer;
        if (accept)
        {
            Objection = ObjectionStage.Accepted;
            ObjectionDueOn = calendar.AddWorkdays(on, AbnormalListRules.WorkdaysToVerify, region);
            return this;
        }

        Objection = ObjectionStage.NotAccepted;
        ObjectionDecidedOn = on;
        ObjectionAnswer = reason;
        return this;
    }

    /// <summary>核实: an upheld objection removes the listing; a dismissed one leaves it standing.</summary>
    public Result<AbnormalListing> Verify(bool upheld, string finding, string officer, DateOnly on)
    {
        if (Ended() is { } ended)
        {
            return ended;
        }

        if (Objection != ObjectionStage.Accepted)
        {
            return CreditRefusals.NoObjectionToVerify(Objection);
        }

        Objection = upheld ? ObjectionStage.Upheld : ObjectionStage.Dismissed;
        ObjectionDecidedOn = on;
        ObjectionAnswer = finding;
        ObjectionOfficer = officer;
        return upheld ? Remove(ListingEnd.ObjectionUpheld, finding, officer, on) : this;
    }

    /// <summary>移出: the listing ends, for the reason given; never before it began.</summary>
    public Result<AbnormalListing> Remove(ListingEnd reason, string note, string officer, DateOnly on)
    {
        if (Ended() is { } ended)
        {
            return ended;
        }

        if (on < ListedOn)
        {
            return CreditRefusals.RemovedBeforeListed(ListedOn);
        }

        RemovedOn = on;
        RemovedFor = reason;
        RemovalNote = note;
        RemovedBy = officer;
        return this;
    }

    private Refusal? Ended() => RemovedOn is { } removed
        ? CreditRefusals.AbnormalListingEnded(removed, RemovedFor!.Value)
        : null;
}

/// <summary>The periods of the abnormal list (企业经营异常名录管理暂行办法 第十六条至第十八条), counted from the listing's publication.</summary>
public static class AbnormalListRules
{
    public const int ObjectionDays = 30;
    public const int WorkdaysToAccept = 5;
    public const int WorkdaysToVerify = 20;
    public const int YearsToSerious = 3;
    public const int ReminderDays = 60;

    /// <summary>
    /// Thirty days from publication; a period whose last day is a day off ends on the next working day
    /// (民法典 第二百零三条).
    /// </summary>
    public static DateOnly ObjectionDeadline(DateOnly publishedOn, WorkCalendar calendar, string region)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var last = publishedOn.AddDays(ObjectionDays);
        return calendar.IsWorkday(last, region) ? last : calendar.AddWorkdays(last, 1, region);
    }

    /// <summary>Three years on the list with the cause not cured: the day the company is proposed for the serious list.</summary>
    public static DateOnly SeriousOn(DateOnly listedOn) => listedOn.AddYears(YearsToSerious);

    /// <summary>The public reminder (届满三年提示) is shown from 60 days before.</summary>
    public static DateOnly ReminderFrom(DateOnly listedOn) => SeriousOn(listedOn).AddDays(-ReminderDays);

    public static bool Reminding(AbnormalListing listing, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return listing.InForce && today >= ReminderFrom(listing.ListedOn) && today < SeriousOn(listing.ListedOn);
    }

    public static bool DueForSerious(AbnormalListing listing, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return listing.InForce && today >= SeriousOn(listing.ListedOn);
    }

    public static string Name(AbnormalCause cause) => cause switch
    {
        AbnormalCause.AnnualReportNotFiled => "未按照规定的期限公示年度报告",
        AbnormalCause.InstantInformationNotPublished => "未在责令的期限内公示即时信息",
        AbnormalCause.FalseDisclosure => "公示企业信息隐瞒真实情况、弄虚作假",
        _ => "通过登记的住所或者经营场所无法联系",
    };

    public static string Name(ObjectionStage stage) => stage switch
    {
        ObjectionStage.None => "未提出异议",
        ObjectionStage.Lodged => "已提出，待受理",
        ObjectionStage.Accepted => "已受理，待核实",
        ObjectionStage.NotAccepted => "不予受理",
        ObjectionStage.Upheld => "异议成立",
        _ => "异议不成立",
    };

    public static string Name(ListingEnd end) => end switch
    {
        ListingEnd.Cured => "已履行相关义务",
        ListingEnd.ObjectionUpheld => "异议成立",
        ListingEnd.Repaired => "信用修复",
        _ => "届满三年列入严重违法失信名单",
    };
}
