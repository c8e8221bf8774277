using System.Security.Cryptography;
using Zhengzhao.Calendar;
using Zhengzhao.Catalog;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing.Verifications;

public enum VerificationKind
{
    /// <summary>告知承诺核查: whether what the company promised is true.</summary>
    Commitment,

    /// <summary>备案后核查: whether what was filed is true.</summary>
    Filing,
}

public enum VerificationOutcome
{
    /// <summary>相符: the matter is closed.</summary>
    Consistent,

    /// <summary>不实: the permit (or filing) is revoked; a false commitment also goes on the credit record.</summary>
    False,
}

/// <summary>
/// 核查: the check after a permit granted on a commitment or a filing recorded at once, due at the end of the
/// item's verification window, done by the department that granted it (谁审批、谁监管). Concluded once.
/// </summary>
public sealed class Verification : Audit.IAudited
{
    public const int MaxFindingsLength = 2000;

    private Verification()
    {
        Uscc = HolderName = ItemCode = ItemName = DepartmentCode = PermitNumber = string.Empty;
    }

    public Verification(VerificationKind kind, Guid applicationId, Permit permit, DateOnly dueOn)
        : this()
    {
        ArgumentNullException.ThrowIfNull(permit);
        Kind = kind;
        ApplicationId = applicationId;
        PermitNumber = permit.Number;
        Uscc = permit.Uscc;
        HolderName = permit.HolderName;
        ItemCode = permit.ItemCode;
        ItemName = permit.ItemName;
        DepartmentCode = permit.DepartmentCode;
        CreatedOn = permit.IssuedOn;
        DueOn = dueOn;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    public VerificationKind Kind { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string PermitNumber { get; private set; }

    public string Uscc { get; private set; }

    public string HolderName { get; private set; }

    public string ItemCode { get; private set; }

    public string ItemName { get; private set; }

    public string DepartmentCode { get; private set; }

    public DateOnly CreatedOn { get; private set; }

    public DateOnly DueOn { get; private set; }

    public VerificationOutcome? Outcome { get; private set; }

    /// <summary>核查记录: what was looked at and found.</summary>
    public string? Findings { get; private set; }

    public IReadOnlyList<Guid> Attachments { get; private set; } = [];

    public string? CheckedBy { get; private set; }

    public DateOnly? CheckedOn { get; private set; }

    /// <summary>Two inspectors concluding at once: the second is told it was concluded.</summary>
    public int Revision { get; private set; }

    public bool IsOverdue(DateOnly today) => Outcome is null && today > DueOn;

    /// <summary>
    /// The verification a newly issued permit owes, if any: every permit granted on a commitment, and the filings
    /// the item's share draws; due at the end of the item's window, in working days of the company's region.
    /// </summary>
    public static Verification? For(Application application, Permit permit, ItemContent? content, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(permit);
        ArgumentNullException.ThrowIfNull(calendar);
        VerificationKind? kind = application.Route == ApplicationRoute.Commitment ? VerificationKind.Commitment
            : application.State == ApplicationState.Filed && VerificationTerms.Drawn(application.Id, content?.FilingCheckPercent ?? 100) ? VerificationKind.Filing
            : null;
        if (kind is null)
        {
            return null;
        }

        var days = content?.VerificationWindowDays ?? ItemContent.DefaultFilingCheckDays;
        return new Verification(kind.Value, application.Id, permit, calendar.AddWorkdays(permit.IssuedOn, days, application.RegionCode));
    }

    public Result<Verification> Conclude(VerificationOutcome outcome, string? findings, IReadOnlyList<Guid> attachments, string officer, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        if (Outcome is { } done)
        {
            return new Refusal("licensing/verification-concluded", "已核查", $"该核查已于 {CheckedOn:yyyy-MM-dd} 由 {CheckedBy} 办结（{VerificationTerms.Name(done)}）。", RefusalKind.Conflict);
        }

        if (!Enum.IsDefined(outcome))
        {
            return new Refusal("licensing/invalid-outcome", "核查结论无效", "核查结论应为“相符”或“不实”。");
        }

        if (string.IsNullOrWhiteSpace(findings) || findings.Trim().Length > MaxFindingsLength)
        {
            return new Refusal("licensing/findings-required", "请填写核查记录", $"核查须写明核查的内容和发现（不超过 {MaxFindingsLength} 字）；结论为不实的，须写明不实之处。");
        }

        if (FieldErrors.OverLimit("licensing/invalid-findings", ("findings", findings, MaxFindingsLength, "核查记录")) is { } unfit)
        {
            return unfit;
        }

        Outcome = outcome;
        Findings = findings.Trim();
        Attachments = attachments;
        CheckedBy = officer;
        CheckedOn = on;
        Revision++;
        return this;
    }
}

public static class VerificationTerms
{
    public static string Name(VerificationKind kind) => kind == VerificationKind.Commitment ? "告知承诺核查" : "备案后核查";

    public static string Name(VerificationOutcome outcome) => outcome == VerificationOutcome.Consistent ? "相符" : "不实";

    /// <summary>
    /// Whether a filing is drawn for checking at the item's share. Derived from the application id, so the draw is
    /// fixed the moment the filing exists, the same on every instance and on every re-run, and can be re-computed by
    /// an auditor: nobody chooses which filings escape the check.
    /// </summary>
    public static bool Drawn(Guid applicationId, int percent)
    {
        if (percent >= 100)
        {
            return true;
        }

        var digest = SHA256.HashData(applicationId.ToByteArray());
        return BitConverter.ToUInt32(digest, 0) % 100 < (uint)Math.Max(0, percent);
    }
}
