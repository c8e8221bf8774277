using Microsoft.EntityFrameworkCore;
using Zhengzhao.Calendar;
using Zhengzhao.Common;

namespace Zhengzhao.Credit;

/// <summary>What an entry of the credit record is about, by the section of the record it belongs to.</summary>
public enum CreditEntryKind
{
    /// <summary>设立登记.</summary>
    Registration,

    /// <summary>变更登记.</summary>
    RegistrationChange,

    /// <summary>注销登记.</summary>
    Deregistration,

    /// <summary>备案: a filing receipt issued.</summary>
    Filing,

    /// <summary>行政许可: a permit granted.</summary>
    Permit,

    /// <summary>许可变更.</summary>
    PermitChange,

    /// <summary>许可延续.</summary>
    PermitRenewal,

    /// <summary>撤销许可.</summary>
    PermitRevocation,

    /// <summary>注销许可.</summary>
    PermitCancellation,

    /// <summary>行政处罚.</summary>
    Penalty,

    /// <summary>告知承诺不实.</summary>
    CommitmentBreach,

    /// <summary>列入经营异常名录.</summary>
    AbnormalListing,

    /// <summary>移出经营异常名录.</summary>
    AbnormalRemoval,

    /// <summary>列入严重违法失信名单.</summary>
    SeriousListing,

    /// <summary>移出严重违法失信名单.</summary>
    SeriousRemoval,

    /// <summary>虚假承诺信用修复.</summary>
    CommitmentRepair,

    /// <summary>行政处罚信息提前停止公示.</summary>
    PenaltyPublicityEnded,

    /// <summary>年度报告.</summary>
    AnnualReport,

    /// <summary>抽查检查结果.</summary>
    InspectionResult,
}

/// <summary>Where an entry came from: with <see cref="CreditEntry.SourceId"/>, what makes it once.</summary>
public enum CreditSource
{
    /// <summary>A row of the register's history (<c>EnterpriseChanges</c>).</summary>
    Registry,

    /// <summary>A <c>LicensingEvent</c>.</summary>
    Licensing,

    /// <summary>A penalty entered in Credit itself.</summary>
    Penalty,

    /// <summary>A listing decision (abnormal or serious list): the listing's id.</summary>
    Listing,

    /// <summary>The end of a listing: the same listing's id.</summary>
    Delisting,

    /// <summary>An approved credit repair that ended something other than a listing: the repair's id.</summary>
    Repair,

    /// <summary>An annual report filed: the report's id.</summary>
    AnnualReport,

    /// <summary>An inspection's result, as the inspection module reports it: the inspection's own id.</summary>
    Inspection,
}

/// <summary>
/// One entry of a company's credit record (企业信用记录), under its unified social credit code: what arose, on which
/// day, from which authority, and when it was published. Entries are gathered from the other modules' records (each
/// source row once) or entered here (penalties); they are never edited, so the record is what was published.
/// </summary>
public sealed class CreditEntry
{
    public const int MaxTitleLength = 200;
    /// <summary>Room for a penalty's facts and basis at their longest, with its measure, amount and date.</summary>
    public const int MaxDetailLength = 2400;

    private CreditEntry()
    {
        Uscc = Title = Detail = Authority = string.Empty;
    }

    public CreditEntry(string uscc, CreditEntryKind kind, string title, string detail, string authority, string? departmentCode, DateOnly arisenOn, DateOnly publishDueOn, DateOnly publishedOn, CreditSource source, Guid sourceId)
        : this()
    {
        Uscc = uscc;
        Kind = kind;
        Title = title.Length <= MaxTitleLength ? title : title[..MaxTitleLength];
        Detail = detail.Length <= MaxDetailLength ? detail : detail[..MaxDetailLength];
        Authority = authority;
        DepartmentCode = departmentCode;
        ArisenOn = arisenOn;
        PublishDueOn = publishDueOn;
        PublishedOn = publishedOn;
        Source = source;
        SourceId = sourceId;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    public string Uscc { get; private set; }

    public CreditEntryKind Kind { get; private set; }

    public string Title { get; private set; }

    public string Detail { get; private set; }

    /// <summary>The authority the entry comes from, as the public reads it (a department, or the registration authority).</summary>
    public string Authority { get; private set; }

    /// <summary>The platform department answerable for publishing it on time; null for the register's own entries.</summary>
    public string? DepartmentCode { get; private set; }

    /// <summary>The day it arose: the decision, the grant, the registration.</summary>
    public DateOnly ArisenOn { get; private set; }

    /// <summary>The last day it may be published: <see cref="CreditPublicity.WorkdaysToPublish"/> working days after it arose.</summary>
    public DateOnly PublishDueOn { get; private set; }

    public DateOnly PublishedOn { get; private set; }

    public CreditSource Source { get; private set; }

    public Guid SourceId { get; private set; }

    public bool PublishedLate => CreditPublicity.IsLate(PublishDueOn, PublishedOn);

    /// <summary>An entry made by Credit itself and published today, due 20 working days after it arose.</summary>
    public static CreditEntry PublishedToday(string uscc, CreditEntryKind kind, string title, string detail, (string Name, string Code) department, DateOnly arisenOn, (WorkCalendar Calendar, string Region) days, DateOnly today, CreditSource source, Guid sourceId) =>
        new(uscc, kind, title, detail, department.Name, department.Code, arisenOn, CreditPublicity.DueOn(days.Calendar, arisenOn, days.Region), today, source, sourceId);
}

/// <summary>
/// 公示时限: information on a company is published within 20 working days of arising (企业信息公示暂行条例 第六条、第十条).
/// Working days are counted on the calendar of the company's region.
/// </summary>
public static class CreditPublicity
{
    public const int WorkdaysToPublish = 20;

    public static DateOnly DueOn(WorkCalendar calendar, DateOnly arisenOn, string region)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkdays(arisenOn, WorkdaysToPublish, region);
    }

    public static bool IsLate(DateOnly dueOn, DateOnly publishedOn) => publishedOn > dueOn;

    /// <summary>The record's sections, as the public portal names its tabs.</summary>
    public static string Section(CreditEntryKind kind) => kind switch
    {
        CreditEntryKind.Registration or CreditEntryKind.RegistrationChange or CreditEntryKind.Deregistration => "登记信息",
        CreditEntryKind.Penalty or CreditEntryKind.PenaltyPublicityEnded => "行政处罚",
        CreditEntryKind.CommitmentBreach or CreditEntryKind.CommitmentRepair => "告知承诺履约",
        CreditEntryKind.AbnormalListing or CreditEntryKind.AbnormalRemoval => "经营异常名录",
        CreditEntryKind.SeriousListing or CreditEntryKind.SeriousRemoval => "严重违法失信名单",
        CreditEntryKind.AnnualReport => "年度报告",
        CreditEntryKind.InspectionResult => "抽查检查结果",
        _ => "行政许可",
    };

    public static string Name(CreditEntryKind kind) => kind switch
    {
        CreditEntryKind.Registration => "设立登记",
        CreditEntryKind.RegistrationChange => "变更登记",
        CreditEntryKind.Deregistration => "注销登记",
        CreditEntryKind.Filing => "备案",
        CreditEntryKind.Permit => "行政许可",
        CreditEntryKind.PermitChange => "许可变更",
        CreditEntryKind.PermitRenewal => "许可延续",
        CreditEntryKind.PermitRevocation => "撤销许可",
        CreditEntryKind.PermitCancellation => "注销许可",
        CreditEntryKind.Penalty => "行政处罚",
        CreditEntryKind.AbnormalListing => "列入经营异常名录",
        CreditEntryKind.AbnormalRemoval => "移出经营异常名录",
        CreditEntryKind.SeriousListing => "列入严重违法失信名单",
        CreditEntryKind.SeriousRemoval => "移出严重违法失信名单",
        CreditEntryKind.CommitmentRepair => "虚假承诺信用修复",
        CreditEntryKind.PenaltyPublicityEnded => "行政处罚信息停止公示",
        CreditEntryKind.AnnualReport => "年度报告",
        CreditEntryKind.InspectionResult => "抽查检查结果",
        _ => "告知承诺不实",
    };
}
