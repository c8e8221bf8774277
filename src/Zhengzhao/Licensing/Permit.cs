using Zhengzhao.Common;

namespace Zhengzhao.Licensing;

/// <summary>What the document is: a permit (许可证) after approval, or the receipt (备案凭证) of a filing.</summary>
public enum PermitKind
{
    Permit,
    FilingReceipt,
}

/// <summary>
/// The status kept in the database. Expiry is not here: it follows from the date (<see cref="Permit.StateOn"/>), so a
/// permit never shows "valid" the day after its last day because a job did not run.
/// </summary>
public enum PermitStatus
{
    Valid,

    /// <summary>撤销: taken back by the department, e.g. for a false commitment.</summary>
    Revoked,

    /// <summary>注销: ended on the holder's request, the company's deregistration, or expiry without renewal.</summary>
    Cancelled,
}

/// <summary>The status a reader sees on a day: the stored one, or <see cref="Expired"/> once the last valid day has passed.</summary>
public enum PermitState
{
    Valid,
    Expired,
    Revoked,
    Cancelled,
}

/// <summary>Who ended a permit, when and why (撤销 or 注销).</summary>
public sealed record PermitEnding(string Reason, DateOnly On, string Officer);

/// <summary>
/// One edition of the permit's text as it stood until a change or renewal replaced it: the number stays, the text
/// moves on, and the history keeps what each edition said.
/// </summary>
public sealed record PermitEdition(int TextVersion, string HolderName, string Scope, DateOnly ValidFrom, DateOnly? ValidTo, DateOnly ReplacedOn, string ReplacedBy, string Reason);

/// <summary>What the issuing department writes on a permit besides the holder and its item.</summary>
public sealed record PermitTerms(string PermitName, string Scope, int? ValidityYears, int RenewalWindowDays);

/// <summary>
/// 许可证 / 电子证照: the document an approval (or a filing) produces. It keeps one number for life; a change or a
/// renewal writes a new edition of its text and keeps the old one in <see cref="History"/>. It guards its own
/// transitions: an ended permit is neither ended again, changed nor renewed.
/// </summary>
public sealed class Permit : Audit.IAudited
{
    public const int MaxReasonLength = 500;
    public const int MaxScopeLength = 2000;

    private Permit()
    {
        Number = Uscc = HolderName = ItemCode = ItemName = PermitName = Scope = DepartmentCode = IssuedBy = string.Empty;
    }

    public Permit(string number, PermitKind kind, string uscc, string holderName, PinnedItem item, PermitTerms terms, DateOnly issuedOn, Guid? applicationId, string issuedBy)
        : this()
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(terms);
        Number = number;
        Kind = kind;
        Uscc = uscc;
        HolderName = holderName;
        ItemCode = item.Code;
        ItemVersion = item.Version;
        ItemName = item.Name;
        DepartmentCode = item.DepartmentCode;
        PermitName = terms.PermitName;
        Scope = terms.Scope;
        ValidityYears = terms.ValidityYears;
        RenewalWindowDays = terms.RenewalWindowDays;
        IssuedOn = ValidFrom = issuedOn;
        ValidTo = terms.ValidityYears is { } years ? issuedOn.AddYears(years).AddDays(-1) : null;
        ApplicationId = applicationId;
        IssuedBy = issuedBy;
        TextVersion = 1;
        Status = PermitStatus.Valid;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    /// <summary>证号, unique, kept through changes and renewals (<see cref="PermitNumbers"/>).</summary>
    public string Number { get; private set; }

    /// <summary>Moves with every transition: of two officers acting at once, the second is told the permit changed.</summary>
    public int Revision { get; private set; }

    public PermitKind Kind { get; private set; }

    /// <summary>The holder's unified social credit code.</summary>
    public string Uscc { get; private set; }

    public string HolderName { get; private set; }

    public string ItemCode { get; private set; }

    public int ItemVersion { get; private set; }

    public string ItemName { get; private set; }

    /// <summary>The document's title, from the item (许可证件名称).</summary>
    public string PermitName { get; private set; }

    /// <summary>许可范围.</summary>
    public string Scope { get; private set; }

    public string DepartmentCode { get; private set; }

    /// <summary>The application it came from; null for a permit brought over from an earlier system.</summary>
    public Guid? ApplicationId { get; private set; }

    public string IssuedBy { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    /// <summary>The last valid day; null for a long-term permit (长期有效).</summary>
    public DateOnly? ValidTo { get; private set; }

    /// <summary>The item's validity when it was issued: each renewal adds as much again.</summary>
    public int? ValidityYears { get; private set; }

    /// <summary>How many days before <see cref="ValidTo"/> a renewal may be applied for, as the item said when it was issued.</summary>
    public int RenewalWindowDays { get; private set; }

    /// <summary>The edition of the text: 1 at issue, one more with each change or renewal.</summary>
    public int TextVersion { get; private set; }

    public PermitStatus Status { get; private set; }

    public PermitEnding? Ending { get; private set; }

    public IReadOnlyList<PermitEdition> History => Editions;

    private List<PermitEdition> Editions { get; set; } = [];

    public PermitState StateOn(DateOnly today) => Status switch
    {
        PermitStatus.Revoked => PermitState.Revoked,
        PermitStatus.Cancelled => PermitState.Cancelled,
        _ when ValidTo < today => PermitState.Expired,
        _ => PermitState.Valid,
    };

    /// <summary>撤销: the department takes the permit back, with the reason (a false commitment, a permit obtained by deceit).</summary>
    public Result<Permit> Revoke(string? reason, string officer, DateOnly on) => End(PermitStatus.Revoked, reason, officer, on);

    /// <summary>
    /// 注销: on the holder's request, the company's deregistration, or expiry without renewal (行政许可法 第七十条);
    /// an expired permit may therefore be cancelled.
    /// </summary>
    public Result<Permit> Cancel(string? reason, string officer, DateOnly on) => End(PermitStatus.Cancelled, reason, officer, on);

    /// <summary>变更: a new holder name or scope is a new edition of the text under the same number.</summary>
    public Result<Permit> Change(string? holderName, string? scope, string? reason, string officer, DateOnly on)
    {
        if (StateOn(on) != PermitState.Valid)
        {
            return WrongState("变更", on);
        }

        var name = string.IsNullOrWhiteSpace(holderName) ? HolderName : holderName.Trim();
        var newScope = string.IsNullOrWhiteSpace(scope) ? Scope : scope.Trim();
        if (name == HolderName && newScope == Scope)
        {
            return new Refusal("licensing/nothing-changed", "没有变更内容", "请填写变更后的持证人名称或许可范围。");
        }

        var errors = new FieldErrors();
        errors.Text("holderName", name, TextLimits.Name, "持证人名称");
        errors.Text("scope", newScope, MaxScopeLength, "许可范围", TextKind.Paragraph);
        if (errors.Any)
        {
            return errors.Refusal("licensing/invalid-change", "变更内容过长或含有不允许的字符");
        }

        if (Reasoned(reason, "变更") is { } refusal)
        {
            return refusal;
        }

        NewEdition(officer, on, reason!.Trim());
        HolderName = name;
        Scope = newScope;
        return Changed();
    }

    /// <summary>
    /// 延续: the next validity period, as long again as the item's, running on from the last valid day. Whether the
    /// renewal may be granted (filed within the window, decided or deemed granted) is <see cref="RenewalRules"/>'
    /// question; the permit only refuses to renew what has ended or has no expiry.
    /// </summary>
    public Result<Permit> Renew(string reason, string officer, DateOnly on)
    {
        if (Status != PermitStatus.Valid || ValidTo is null || ValidityYears is null)
        {
            return Status != PermitStatus.Valid ? WrongState("延续", on) : new Refusal("licensing/long-term", "长期有效", "该证长期有效，无需延续。", RefusalKind.Conflict);
        }

        var (from, to) = RenewalRules.NextPeriod(ValidTo.Value, ValidityYears.Value);
        NewEdition(officer, on, reason);
        ValidFrom = from;
        ValidTo = to;
        return Changed();
    }

    private Result<Permit> End(PermitStatus status, string? reason, string officer, DateOnly on)
    {
        var action = status == PermitStatus.Revoked ? "撤销" : "注销";
        if (Status != PermitStatus.Valid)
        {
            return WrongState(action, on);
        }

        if (Reasoned(reason, action) is { } refusal)
        {
            return refusal;
        }

        Status = status;
        Ending = new PermitEnding(reason!.Trim(), on, officer);
        return Changed();
    }

    private void NewEdition(string officer, DateOnly on, string reason)
    {
        Editions.Add(new PermitEdition(TextVersion, HolderName, Scope, ValidFrom, ValidTo, on, officer, reason));
        TextVersion++;
    }

    private Permit Changed()
    {
        Revision++;
        return this;
    }

    private static Refusal? Reasoned(string? reason, string action) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength
            ? new Refusal("licensing/reason-required", "请写明理由", $"{action}须写明理由（不超过{MaxReasonLength}字）。") { Errors = new Dictionary<string, string[]> { ["reason"] = [$"请写明{action}理由。"] } }
            : FieldErrors.OverLimit("licensing/invalid-reason", ("reason", reason, MaxReasonLength, $"{action}理由"));

    private Refusal WrongState(string action, DateOnly on) =>
        new("licensing/permit-wrong-state", "证照状态不允许", $"证照 {Number} 当前为“{PermitStates.Name(StateOn(on))}”，不能{action}。", RefusalKind.Conflict);
}

public static class PermitStates
{
    public static string Name(PermitState state) => state switch
    {
        PermitState.Valid => "有效",
        PermitState.Expired => "已过期",
        PermitState.Revoked => "已撤销",
        _ => "已注销",
    };

    public static string Name(PermitKind kind) => kind == PermitKind.Permit ? "许可证" : "备案凭证";
}
