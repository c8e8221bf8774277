using Zhengzhao.Calendar;
using Zhengzhao.Catalog;
using Zhengzhao.Common;

namespace Zhengzhao.Licensing;

public enum ApplicationState
{
    Draft,

    /// <summary>提交: waiting for the window to accept it.</summary>
    Submitted,

    /// <summary>补正: the one-time notification of missing materials is with the applicant.</summary>
    SupplementRequested,

    /// <summary>受理: under review, the clock running.</summary>
    Accepted,

    /// <summary>不予受理, with the reason and its legal basis.</summary>
    NotAccepted,

    /// <summary>A decision proposed under strict access, waiting for the second officer's sign-off.</summary>
    AwaitingSignOff,

    /// <summary>准予许可.</summary>
    Approved,

    /// <summary>不予许可, with written reasons and the remedies.</summary>
    Denied,

    /// <summary>备案: recorded at once, no approval.</summary>
    Filed,

    Withdrawn,
}

/// <summary>Under the commitment mode, the applicant's choice (any applicant may take the ordinary route).</summary>
public enum ApplicationRoute
{
    Ordinary,

    /// <summary>告知承诺: accepted on the spot on the signed commitment.</summary>
    Commitment,
}

/// <summary>The item as it stood when the application was filed: the process follows this, not later edits.</summary>
public sealed record PinnedItem(string Code, int Version, string Name, string DepartmentCode, ReformMode Mode, ClockLimits Limits, int MaxExtensionDays, IReadOnlyList<string> Materials, IReadOnlyList<string> RequiredMaterials, IReadOnlyList<ItemStep> Steps, string? CommitmentLetter = null, bool ExpertReview = false);

/// <summary>The commitment letter as signed: its digest pins the exact text version the applicant saw.</summary>
public static class CommitmentText
{
    public static string Digest(PinnedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{item.Code}|v{item.Version}|{item.CommitmentLetter}")));
    }
}

/// <summary>One line of a one-time notification: the material and what is wrong with it.</summary>
public sealed record MissingMaterial(string Material, string Problem);

/// <summary>The 补正告知: every missing or defective material at once, and when the applicant completed it.</summary>
public sealed record SupplementRequest(DateOnly RequestedOn, string RequestedBy, IReadOnlyList<MissingMaterial> Items, DateOnly? CompletedOn);

/// <summary>A published review step done: who held it and when it ended.</summary>
public sealed record StepRecord(int Index, string Name, string Officer, DateOnly EndedOn, string? Opinion);

/// <summary>The one extension: how long, why, and who approved it.</summary>
public sealed record Extension(int Days, string Reason, string ApprovedBy, DateOnly On);

/// <summary>A signed commitment letter: the exact text version, the signer, time and address.</summary>
public sealed record CommitmentSignature(string TextDigest, string Signer, DateTimeOffset At, string? Address);

/// <summary>An officer's request to extend, waiting for the department head (延期审批).</summary>
public sealed record ExtensionRequest(int Days, string Reason, string RequestedBy, DateOnly On);

/// <summary>What strict access adds to the review (加强准入管理).</summary>
public enum AssessmentKind
{
    /// <summary>风险评估.</summary>
    Risk,

    /// <summary>现场核查: the record of the visit, its findings and the photos or papers taken.</summary>
    OnSite,

    /// <summary>专家评审, where the item asks for it.</summary>
    Expert,
}

/// <summary>One assessment as recorded: what was done, what was found, the files, who and when.</summary>
public sealed record Assessment(AssessmentKind Kind, string Record, string Findings, IReadOnlyList<Guid> Attachments, string Officer, DateOnly On);

/// <summary>A decision, and under strict access the second officer who signed it off.</summary>
public sealed record Decision(bool Approve, string Reasons, string DecidedBy, DateOnly On, string? SignedOffBy);

/// <summary>
/// 许可申请: one company's application for one catalogue item, following the process of the item's reform mode. It
/// guards every transition itself; a refused transition leaves it as it was. Time is the clock's business
/// (<see cref="ApplicationClock"/>): the application keeps the ledger (acceptance, pauses, extension), never a
/// stored "overdue".
/// </summary>
public sealed class Application : Audit.IAudited
{

    /// <summary>Who decides a commitment on the spot: the published rule, not an officer's judgement.</summary>
    public const string OnTheSpotDecider = "告知承诺当场办结";

    /// <summary>Who decides a renewal left undecided past expiry: the law.</summary>
    public const string DeemedDecider = "依法视为准予延续";

    /// <summary>The material every renewal application brings, besides what the item asks.</summary>
    public const string RenewalForm = "延续申请书";

    /// <summary>行政许可法 第三十二条: the window answers a submission (accept, supplement, refuse) within five days.</summary>
    public const int AcceptanceDays = 5;

    private const string OnTheSpot = "申请人已签署告知承诺书，承诺符合许可条件并提交了规定材料，当场作出准予许可决定；承诺内容将在核查期内核查。";

    private Application()
    {
        Uscc = RegionCode = FiledBy = Owner = string.Empty;
        Item = null!;
    }

    public const int MaxCloserReviewLength = 1000;

    public Application(string uscc, string regionCode, PinnedItem item, ApplicationRoute route, string filedBy, bool filedAtWindow)
        : this()
    {
        ArgumentNullException.ThrowIfNull(item);
        Uscc = uscc;
        RegionCode = regionCode;
        Item = item;
        ItemCode = item.Code;
        DepartmentCode = item.DepartmentCode;
        Route = item.Mode == ReformMode.Commitment ? route : ApplicationRoute.Ordinary;
        FiledBy = filedBy;
        FiledAtWindow = filedAtWindow;

        // 首办责任制: a matter filed at the window is owned by the clerk who received it.
        Owner = filedAtWindow ? filedBy : string.Empty;
        State = ApplicationState.Draft;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    /// <summary>受理编号, unique per department and year; given on submission.</summary>
    public string? Number { get; private set; }

    /// <summary>Moves with every transition: of two officers acting at once on the same application, the second is told it changed.</summary>
    public int Revision { get; private set; }

    public string Uscc { get; private set; }

    public string ItemCode { get; private set; } = string.Empty;

    public string DepartmentCode { get; private set; } = string.Empty;

    /// <summary>The region whose calendar runs the clock: the company's.</summary>
    public string RegionCode { get; private set; }

    public PinnedItem Item { get; private set; }

    public ApplicationRoute Route { get; private set; }

    public ApplicationState State { get; private set; }

    public string FiledBy { get; private set; }

    /// <summary>The client's key for this filing: a retried or doubled request with it finds this application.</summary>
    public string? IdempotencyKey { get; init; }

    public bool FiledAtWindow { get; private set; }

    /// <summary>代办人: who came to the window for the company, for an application a window clerk filed; null when the company filed itself.</summary>
    public Agent? Agent { get; init; }

    /// <summary>延续申请: the number of the permit this application asks to renew; null for a first application.</summary>
    public string? RenewsPermit { get; init; }

    /// <summary>
    /// The renewed permit's last valid day: a decision must come by it, and a renewal still open after it is deemed
    /// granted (行政许可法 第五十条).
    /// </summary>
    public DateOnly? RenewalLastDay { get; init; }

    public bool IsRenewal => RenewsPermit is not null;

    /// <summary>
    /// 从严审查: set at filing when a joint-discipline rule flags the company (listed as abnormal or seriously dishonest),
    /// naming each rule and why, so every officer who opens the application sees it.
    /// </summary>
    public string? CloserReview { get; init; }

    /// <summary>首办责任人: the officer who owns the matter until a recorded hand-over; empty until an officer takes it.</summary>
    public string Owner { get; private set; }

    public DateOnly? SubmittedOn { get; private set; }

    public DateOnly? AcceptedOn { get; private set; }

    /// <summary>The day it was filed, not accepted, decided or withdrawn.</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>Each checklist material handed in, by name, with the upload that holds it.</summary>
    public IReadOnlyDictionary<string, Guid> Materials => MaterialSet;

    public CommitmentSignature? Commitment { get; private set; }

    public SupplementRequest? Supplement { get; private set; }

    public string? NotAcceptedReason { get; private set; }

    public IReadOnlyList<ClockPause> Pauses => PauseLedger;

    public Extension? Extension { get; private set; }

    public ExtensionRequest? ExtensionRequest { get; private set; }

    public IReadOnlyList<Assessment> Assessments => AssessmentLedger;

    /// <summary>Every upload it names: its materials, the agent's power of attorney, the assessments' attachments.</summary>
    public IEnumerable<Guid> Uploads => [.. MaterialSet.Values, .. Agent?.PowerOfAttorney is { } attorney ? new[] { attorney } : [], .. AssessmentLedger.SelectMany(a => a.Attachments)];

    /// <summary>
    /// The date the department must act by next, kept as a column so a worklist of millions sorts by an index: the
    /// committed due date once accepted, the five-day acceptance limit before; none while the applicant holds the
    /// matter or once it is closed. Set by <see cref="Reschedule"/> on every transition; an open pause moves the
    /// real date on while this one stays, so it is never later than the clock's and serves as a lower bound.
    /// </summary>
    public DateOnly? DueOn { get; private set; }

    /// <summary>What strict access still needs before a decision: the assessments not yet recorded.</summary>
    public IReadOnlyList<AssessmentKind> AssessmentsOpen =>
        Item.Mode != ReformMode.StrictAccess || IsRenewal ? []
        : [.. new[] { AssessmentKind.Risk, AssessmentKind.OnSite }.Concat(Item.ExpertReview ? [AssessmentKind.Expert] : []).Where(k => AssessmentLedger.All(a => a.Kind != k))];

    public IReadOnlyList<StepRecord> Steps => StepLedger;

    public Decision? Proposal { get; private set; }

    public Decision? Decision { get; private set; }

    public bool IsClosed => State is ApplicationState.NotAccepted or ApplicationState.Approved or ApplicationState.Denied or ApplicationState.Filed or ApplicationState.Withdrawn;

    // The ledgers behind the read-only views above, kept whole as JSON columns (see ApplicationConfiguration).
    private List<ClockPause> PauseLedger { get; set; } = [];

    private List<StepRecord> StepLedger { get; set; } = [];

    private List<Assessment> AssessmentLedger { get; set; } = [];

    private Dictionary<string, Guid> MaterialSet { get; set; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> MissingMaterials => [.. Item.RequiredMaterials.Where(m => !MaterialSet.ContainsKey(m))];

    public ClockLimits Limits => Item.Limits with { ExtensionDays = Extension?.Days ?? 0 };

    public Result<Application> AttachMaterial(string material, Guid upload)
    {
        if (State is not (ApplicationState.Draft or ApplicationState.SupplementRequested))
        {
            return WrongState("补充材料");
        }

        if (!Item.Materials.Contains(material, StringComparer.Ordinal))
        {
            return new Refusal("licensing/unknown-material", "材料不在清单中", $"“{material}”不是该事项材料清单中的材料。");
        }

        MaterialSet[material] = upload;
        return Changed();
    }

    /// <summary>The applicant signs the item's commitment letter; only on the commitment route, before submission.</summary>
    public Result<Application> SignCommitment(CommitmentSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (Route != ApplicationRoute.Commitment || State != ApplicationState.Draft)
        {
            return WrongState("签署告知承诺书");
        }

        Commitment = signature;
        return Changed();
    }

    /// <summary>
    /// Submission. A filing with a complete checklist is recorded at once; a signed commitment is accepted on the
    /// spot; anything else waits for the window. An incomplete checklist is refused with every missing material.
    /// </summary>
    public Result<Application> Submit(string number, DateOnly on)
    {
        if (State != ApplicationState.Draft)
        {
            return WrongState("提交");
        }

        if (MissingMaterials is { Count: > 0 } missing)
        {
            return new Refusal("licensing/materials-missing", "材料不全", $"尚缺以下材料：{string.Join("、", missing)}。");
        }

        if (Route == ApplicationRoute.Commitment && Commitment is null)
        {
            return new Refusal("licensing/commitment-unsigned", "未签署告知承诺书", "选择告知承诺方式的，须先签署告知承诺书。");
        }

        Number = number;
        SubmittedOn = on;
        State = Item.Mode == ReformMode.Filing && !IsRenewal ? ApplicationState.Filed : ApplicationState.Submitted;
        ClosedOn = State == ApplicationState.Filed ? on : null;
        if (Route == ApplicationRoute.Commitment)
        {
            State = ApplicationState.Accepted;
            AcceptedOn = on;

            // An item that promises a decision on the spot (承诺时限 0) is decided on the signed commitment itself.
            if (Item.Limits.CommittedDays == 0)
            {
                Decision = new Decision(true, OnTheSpot, OnTheSpotDecider, on, null);
                State = ApplicationState.Approved;
                ClosedOn = on;
            }
        }

        return Changed();
    }

    /// <summary>受理 at the window; the officer who accepts becomes the first-responsible officer if none is yet.</summary>
    public Result<Application> Accept(string officer, DateOnly on)
    {
        if (State != ApplicationState.Submitted)
        {
            return WrongState("受理");
        }

        State = ApplicationState.Accepted;
        AcceptedOn = on;
        TakeOwnership(officer);
        return Changed();
    }

    public Result<Application> NotAccept(string officer, string? reasonWithBasis, DateOnly on)
    {
        if (State != ApplicationState.Submitted)
        {
            return WrongState("不予受理");
        }

        if (string.IsNullOrWhiteSpace(reasonWithBasis))
        {
            return new Refusal("licensing/reason-required", "请写明理由和依据", "不予受理须写明理由及法律依据。");
        }

        State = ApplicationState.NotAccepted;
        NotAcceptedReason = reasonWithBasis.Trim();
        ClosedOn = on;
        TakeOwnership(officer);
        return Changed();
    }

    /// <summary>
    /// 一次性告知: every missing or defective material at once. The law allows one such request per application, so a
    /// second one is refused. After acceptance the request stops the clock until the applicant completes it.
    /// </summary>
    public Result<Application> RequestSupplement(string officer, IReadOnlyList<MissingMaterial> items, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (State is not (ApplicationState.Submitted or ApplicationState.Accepted))
        {
            return WrongState("要求补正");
        }

        if (Supplement is not null)
        {
            return new Refusal("licensing/second-supplement", "不得再次要求补正", $"本申请已于 {Supplement.RequestedOn:yyyy-MM-dd} 一次性告知补正内容，依照一次性告知制度不得再次要求补正。", RefusalKind.Conflict);
        }

        if (items.Count == 0 || items.Any(i => string.IsNullOrWhiteSpace(i.Material) || string.IsNullOrWhiteSpace(i.Problem)))
        {
            return new Refusal("licensing/supplement-empty", "请列明补正内容", "补正告知须逐项列明需补正的材料及问题。");
        }

        if (State == ApplicationState.Accepted)
        {
            PauseLedger.Add(new ClockPause(PauseKind.Supplement, on, null, "申请人补正材料"));
        }

        Supplement = new SupplementRequest(on, officer, items, null);
        foreach (var item in items)
        {
            MaterialSet.Remove(item.Material);
        }

        State = ApplicationState.SupplementRequested;
        TakeOwnership(officer);
        return Changed();
    }

    /// <summary>The applicant hands in what the notification listed; the application goes back where it was, the clock restarting.</summary>
    public Result<Application> CompleteSupplement(DateOnly on)
    {
        if (State != ApplicationState.SupplementRequested)
        {
            return WrongState("提交补正材料");
        }

        if (MissingMaterials is { Count: > 0 } missing)
        {
            return new Refusal("licensing/materials-missing", "材料不全", $"尚缺以下补正材料：{string.Join("、", missing)}。");
        }

        Supplement = Supplement! with { CompletedOn = on };
        var open = PauseLedger.FindIndex(p => p.Kind == PauseKind.Supplement && p.To is null);
        if (open >= 0)
        {
            PauseLedger[open] = PauseLedger[open] with { To = on };
        }

        State = AcceptedOn is null ? ApplicationState.Submitted : ApplicationState.Accepted;
        return Changed();
    }

    /// <summary>Stops the clock for testing, expert review or a hearing (the applicant is told in writing by the caller).</summary>
    public Result<Application> Pause(PauseKind kind, string? reason, DateOnly on)
    {
        if (State != ApplicationState.Accepted || PauseLedger.Any(p => p.To is null))
        {
            return WrongState("暂停计时");
        }

        if (kind == PauseKind.Supplement || !Enum.IsDefined(kind))
        {
            return new Refusal("licensing/invalid-pause", "暂停原因无效", "补正经补正告知暂停；其他暂停应为检验检测、专家评审或听证。");
        }

        PauseLedger.Add(new ClockPause(kind, on, null, string.IsNullOrWhiteSpace(reason) ? PauseNames.Name(kind) : reason.Trim()));
        return Changed();
    }

    public Result<Application> Resume(DateOnly on)
    {
        var open = PauseLedger.FindIndex(p => p.To is null && p.Kind != PauseKind.Supplement);
        if (State != ApplicationState.Accepted || open < 0)
        {
            return WrongState("恢复计时");
        }

        PauseLedger[open] = PauseLedger[open] with { To = on };
        return Changed();
    }

    /// <summary>
    /// The one extension (延期), at most the item's extension length, with a reason and the approving head; refused
    /// once the statutory limit has passed, since an extension must be decided within it.
    /// </summary>
    public Result<Application> Extend(int days, string? reason, string approvedBy, DateOnly on, ClockReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (State != ApplicationState.Accepted)
        {
            return WrongState("延长期限");
        }

        if (Extension is not null)
        {
            return new Refusal("licensing/second-extension", "已延期", $"本申请已于 {Extension.On:yyyy-MM-dd} 延长 {Extension.Days} 个工作日，只能延长一次。", RefusalKind.Conflict);
        }

        if (days < 1 || days > Item.MaxExtensionDays)
        {
            return new Refusal("licensing/extension-too-long", "延长期限无效", Item.MaxExtensionDays == 0 ? "该事项不允许延长办理期限。" : $"延长期限应为 1 至 {Item.MaxExtensionDays} 个工作日。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new Refusal("licensing/reason-required", "请写明延期理由", "延长期限须写明理由，并告知申请人。");
        }

        if (reading.PastStatutory)
        {
            return new Refusal("licensing/extension-expired", "已超过法定期限", $"法定期限已于 {reading.StatutoryDue:yyyy-MM-dd} 届满，不能再延长。", RefusalKind.Conflict);
        }

        Extension = new Extension(days, reason.Trim(), approvedBy, on);
        ExtensionRequest = null;
        return Changed();
    }

    /// <summary>The officer asks the head for the one extension; the head grants it with <see cref="Extend"/> or refuses.</summary>
    public Result<Application> RequestExtension(int days, string? reason, string officer, DateOnly on)
    {
        if (State != ApplicationState.Accepted || Extension is not null || ExtensionRequest is not null)
        {
            return State == ApplicationState.Accepted
                ? new Refusal("licensing/extension-pending", "已申请或已延期", Extension is null ? "本申请已提出延期，正等待部门负责人审批。" : "本申请已延期一次，不能再延长。", RefusalKind.Conflict)
                : WrongState("申请延期");
        }

        if (days < 1 || days > Item.MaxExtensionDays)
        {
            return new Refusal("licensing/extension-too-long", "延长期限无效", Item.MaxExtensionDays == 0 ? "该事项不允许延长办理期限。" : $"延长期限应为 1 至 {Item.MaxExtensionDays} 个工作日。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new Refusal("licensing/reason-required", "请写明延期理由", "申请延期须写明理由。");
        }

        ExtensionRequest = new ExtensionRequest(days, reason.Trim(), officer, on);
        return Changed();
    }

    public Result<Application> RefuseExtension()
    {
        if (ExtensionRequest is null)
        {
            return new Refusal("licensing/no-extension-request", "没有待批的延期申请", "本申请没有待审批的延期申请。", RefusalKind.Conflict);
        }

        ExtensionRequest = null;
        return Changed();
    }

    /// <summary>
    /// 加强准入管理: the risk assessment, the on-site verification and, where the item asks, the expert review, each
    /// recorded once with its findings and files while the application is under review.
    /// </summary>
    public Result<Application> RecordAssessment(AssessmentKind kind, string? record, string? findings, IReadOnlyList<Guid> attachments, string officer, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        if (State != ApplicationState.Accepted || Item.Mode != ReformMode.StrictAccess)
        {
            return WrongState("记录评估核查");
        }

        if (!Enum.IsDefined(kind) || (kind == AssessmentKind.Expert && !Item.ExpertReview))
        {
            return new Refusal("licensing/invalid-assessment", "评估类型无效", "应为风险评估、现场核查，或事项要求的专家评审。");
        }

        if (AssessmentLedger.Any(a => a.Kind == kind))
        {
            return new Refusal("licensing/assessment-recorded", "已记录", $"本申请的{AssessmentNames.Name(kind)}已记录，不能重复记录。", RefusalKind.Conflict);
        }

        if (string.IsNullOrWhiteSpace(record) || string.IsNullOrWhiteSpace(findings))
        {
            return new Refusal("licensing/assessment-empty", "请填写记录和结论", $"{AssessmentNames.Name(kind)}须写明过程记录和结论（发现的问题）。");
        }

        AssessmentLedger.Add(new Assessment(kind, record.Trim(), findings.Trim(), attachments, officer, on));
        return Changed();
    }

    /// <summary>Ends the next published step (透明审批): steps are held in their published order.</summary>
    public Result<Application> EndStep(string officer, string? opinion, DateOnly on)
    {
        if (State != ApplicationState.Accepted || PauseLedger.Any(p => p.To is null))
        {
            return WrongState("办结环节");
        }

        if (StepLedger.Count >= Item.Steps.Count)
        {
            return new Refusal("licensing/no-step-left", "环节已全部办结", "各公开环节均已办结，请作出决定。", RefusalKind.Conflict);
        }

        StepLedger.Add(new StepRecord(StepLedger.Count, Item.Steps[StepLedger.Count].Name, officer, on, string.IsNullOrWhiteSpace(opinion) ? null : opinion.Trim()));
        return Changed();
    }

    /// <summary>
    /// 决定. Transparent and strict-access items decide after every published step; strict access needs a second
    /// officer (maker–checker), so the first officer's decision is a proposal until <see cref="SignOff"/>.
    /// </summary>
    public Result<Application> Decide(bool approve, string? reasons, string officer, DateOnly on)
    {
        if (State != ApplicationState.Accepted || PauseLedger.Any(p => p.To is null))
        {
            return WrongState("作出决定");
        }

        if (!approve && string.IsNullOrWhiteSpace(reasons))
        {
            return new Refusal("licensing/reason-required", "请写明不予许可的理由", "不予许可须书面说明理由，并告知申请复议或提起诉讼的权利。");
        }

        if (PastRenewalLastDay(on) is { } deemed)
        {
            return deemed;
        }

        if (Route == ApplicationRoute.Ordinary && StepLedger.Count < Item.Steps.Count)
        {
            return new Refusal("licensing/steps-open", "环节未办结", $"还有环节未办结：{string.Join("、", Item.Steps.Skip(StepLedger.Count).Select(s => s.Name))}。");
        }

        if (AssessmentsOpen is { Count: > 0 } open)
        {
            return new Refusal("licensing/assessments-open", "评估核查未完成", $"加强准入管理事项须先记录：{string.Join("、", open.Select(AssessmentNames.Name))}。");
        }

        var decision = new Decision(approve, reasons?.Trim() ?? string.Empty, officer, on, null);
        if (Item.Mode == ReformMode.StrictAccess)
        {
            Proposal = decision;
            State = ApplicationState.AwaitingSignOff;
            return Changed();
        }

        Decision = decision;
        State = approve ? ApplicationState.Approved : ApplicationState.Denied;
        ClosedOn = on;
        return Changed();
    }

    /// <summary>The second officer's sign-off of a strict-access proposal: never the officer who proposed it.</summary>
    public Result<Application> SignOff(bool agree, string officer, DateOnly on)
    {
        if (State != ApplicationState.AwaitingSignOff)
        {
            return WrongState("复核签发");
        }

        if (PastRenewalLastDay(on) is { } deemed)
        {
            return deemed;
        }

        if (string.Equals(officer, Proposal!.DecidedBy, StringComparison.Ordinal))
        {
            return new Refusal("licensing/same-officer", "须由另一人复核", "加强准入管理事项的决定须由拟办人以外的另一名人员复核签发。", RefusalKind.Forbidden);
        }

        if (!agree)
        {
            // Sent back for review: the proposal is dropped and the application is under review again.
            Proposal = null;
            State = ApplicationState.Accepted;
            return Changed();
        }

        Decision = Proposal with { SignedOffBy = officer, On = on };
        Proposal = null;
        State = Decision.Approve ? ApplicationState.Approved : ApplicationState.Denied;
        ClosedOn = on;
        return Changed();
    }

    /// <summary>
    /// 首办责任制: ownership moves only by a recorded hand-over to another officer, made by the owner, or by the
    /// department head when the owner cannot (leave, departure).
    /// </summary>
    /// <param name="toIsOfficer">Whether the receiver is an approver or window clerk of the department, in use (Identity knows).</param>
    public Result<Application> HandOver(string by, string to, bool byHead, bool toIsOfficer)
    {
        if (IsClosed)
        {
            return WrongState("移交");
        }

        if (!byHead && !string.Equals(Owner, by, StringComparison.Ordinal))
        {
            return LicensingRefusals.NotOwner;
        }

        if (string.IsNullOrWhiteSpace(to) || to == Owner)
        {
            return LicensingRefusals.NoOtherReceiver;
        }

        if (!toIsOfficer)
        {
            return LicensingRefusals.ReceiverNotOfficer;
        }

        Owner = to;
        return Changed();
    }

    /// <summary>Sets <see cref="DueOn"/> from the clock; the use cases call it after each transition.</summary>
    public void Reschedule(WorkCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        DueOn = IsClosed || State is ApplicationState.Draft or ApplicationState.SupplementRequested ? null
            : AcceptedOn is { } accepted ? ApplicationClock.Read(calendar, RegionCode, accepted, Limits, Pauses, today).CommittedDue
            : calendar.AddWorkdays(Supplement?.CompletedOn ?? SubmittedOn ?? today, AcceptanceDays, RegionCode);
    }

    /// <summary>
    /// 视为准予延续: a renewal still undecided after the permit's last valid day is granted by law, on the day the
    /// platform notices, with no officer's decision.
    /// </summary>
    public Result<Application> DeemRenewal(DateOnly on)
    {
        if (!IsRenewal || IsClosed || State == ApplicationState.Draft || on <= RenewalLastDay)
        {
            return WrongState("视为准予延续");
        }

        Decision = new Decision(true, $"延续申请于 {SubmittedOn:yyyy-MM-dd} 在延续申请期内提出，有效期届满（{RenewalLastDay:yyyy-MM-dd}）前未作出决定，依照《中华人民共和国行政许可法》第五十条视为准予延续。", DeemedDecider, on, null);
        Proposal = null;
        State = ApplicationState.Approved;
        ClosedOn = on;
        return Changed();
    }

    public Result<Application> Withdraw(DateOnly on)
    {
        if (IsClosed)
        {
            return WrongState("撤回");
        }

        State = ApplicationState.Withdrawn;
        ClosedOn = on;
        return Changed();
    }

    private Refusal? PastRenewalLastDay(DateOnly on) =>
        RenewalLastDay is { } last && on > last
            ? new Refusal("licensing/renewal-deemed", "已视为准予延续", $"原证有效期已于 {last:yyyy-MM-dd} 届满而未作决定，依法视为准予延续，不再作出决定。", RefusalKind.Conflict)
            : null;

    private Application Changed()
    {
        Revision++;
        return this;
    }

    private void TakeOwnership(string officer)
    {
        if (Owner.Length == 0)
        {
            Owner = officer;
        }
    }

    private Refusal WrongState(string action) =>
        new("licensing/wrong-state", "状态不允许", $"申请当前为“{ApplicationStates.Name(State)}”，不能{action}。", RefusalKind.Conflict);
}

public static class ApplicationStates
{
    /// <summary>The states of an application not yet concluded: a draft, or handed in and not yet decided.</summary>
    public static readonly IReadOnlyList<ApplicationState> Open =
        [ApplicationState.Draft, ApplicationState.Submitted, ApplicationState.SupplementRequested, ApplicationState.Accepted, ApplicationState.AwaitingSignOff];

    public static string Name(ApplicationState state) => state switch
    {
        ApplicationState.Draft => "草稿",
        ApplicationState.Submitted => "已提交",
        ApplicationState.SupplementRequested => "待补正",
        ApplicationState.Accepted => "审查中",
        ApplicationState.NotAccepted => "不予受理",
        ApplicationState.AwaitingSignOff => "待复核",
        ApplicationState.Approved => "准予许可",
        ApplicationState.Denied => "不予许可",
        ApplicationState.Filed => "已备案",
        _ => "已撤回",
    };
}

public static class AssessmentNames
{
    public static string Name(AssessmentKind kind) => kind switch
    {
        AssessmentKind.Risk => "风险评估",
        AssessmentKind.OnSite => "现场核查",
        _ => "专家评审",
    };
}

public static class PauseNames
{
    public static string Name(PauseKind kind) => kind switch
    {
        PauseKind.Supplement => "补正材料",
        PauseKind.Testing => "检验检测",
        PauseKind.ExpertReview => "专家评审",
        _ => "听证",
    };
}
