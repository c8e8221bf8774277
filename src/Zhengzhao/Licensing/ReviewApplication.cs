using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Licensing;

/// <summary>
/// The department's work on an application: the window accepts, asks once for what is missing, or does not accept;
/// reviewers end the published steps, stop and restart the clock, decide; under strict access a second officer
/// signs off; the head extends once (on the officer's request or not); the first-responsible officer (or the head)
/// hands over. Only the application's own department acts on it; of two officers acting at once, the second gets a
/// conflict with the current state. The applicant is told of every step in its mailbox, an officer of each matter
/// handed to it.
/// </summary>
public sealed class ReviewApplication(ZhengzhaoDbContext db, CalendarCache calendars, IssuePermit issue, RenewPermit renew, Notifier notifier, TimeProvider time) : IUseCase
{
    /// <summary>
    /// The officer acting: department and region, whether the officer works at a comprehensive window (一窗受理),
    /// which receives for every department the applications of companies in its region, and whether the officer
    /// heads the department (部门负责人).
    /// </summary>
    public sealed record Officer(Actor Actor, string DepartmentCode, string? RegionCode, bool AtWindow, bool IsHead = false);

    public const int MaxSupplementItems = 50;

    private const string TooLong = "licensing/text-too-long";

    private enum Desk
    {
        /// <summary>Receiving: accept, ask for a supplement, not accept, hand over.</summary>
        Window,

        /// <summary>Everything after acceptance: only the approving department.</summary>
        Review,
    }

    public Task<Result<Application>> AcceptAsync(Guid id, Officer officer, CancellationToken cancellationToken = default) =>
        ActAsync(id, officer, Desk.Window, "licensing.accepted", (a, on) => a.Accept(officer.Actor.UserName, on), a => $"受理（编号 {a.Number}）", cancellationToken);

    public Task<Result<Application>> NotAcceptAsync(Guid id, string? reasonWithBasis, Officer officer, CancellationToken cancellationToken = default) =>
        FieldErrors.OverLimit(TooLong, ("reason", reasonWithBasis, TextLimits.Reason, "不予受理的理由及依据")) is { } tooLong ? Refused(tooLong) : ActAsync(id, officer, Desk.Window, "licensing.not-accepted", (a, on) => a.NotAccept(officer.Actor.UserName, reasonWithBasis, on), a => $"不予受理：{a.NotAcceptedReason}", cancellationToken);

    public Task<Result<Application>> RequestSupplementAsync(Guid id, IReadOnlyList<MissingMaterial> items, Officer officer, CancellationToken cancellationToken = default) =>
        SupplementTexts(items) is { } tooLong ? Refused(tooLong) : ActAsync(id, officer, Desk.Window, "licensing.supplement-requested", (a, on) => a.RequestSupplement(officer.Actor.UserName, items, on), a => $"一次性告知补正：{string.Join("；", a.Supplement!.Items.Select(i => $"{i.Material}（{i.Problem}）"))}", cancellationToken);

    public Task<Result<Application>> EndStepAsync(Guid id, string? opinion, Officer officer, CancellationToken cancellationToken = default) =>
        FieldErrors.OverLimit(TooLong, ("reason", opinion, TextLimits.Reason, "环节意见")) is { } tooLong ? Refused(tooLong) : ActAsync(id, officer, Desk.Review, "licensing.step-ended", (a, on) => a.EndStep(officer.Actor.UserName, opinion, on), a => $"办结环节“{a.Steps[^1].Name}”", cancellationToken);

    public Task<Result<Application>> PauseAsync(Guid id, PauseKind kind, string? reason, Officer officer, CancellationToken cancellationToken = default) =>
        FieldErrors.OverLimit(TooLong, ("reason", reason, TextLimits.Reason, "暂停计时的原因")) is { } tooLong ? Refused(tooLong) : ActAsync(id, officer, Desk.Review, "licensing.paused", (a, on) => a.Pause(kind, reason, on), a => $"暂停计时：{a.Pauses[^1].Reason}", cancellationToken);

    public Task<Result<Application>> ResumeAsync(Guid id, Officer officer, CancellationToken cancellationToken = default) =>
        ActAsync(id, officer, Desk.Review, "licensing.resumed", (a, on) => a.Resume(on), _ => "恢复计时", cancellationToken);

    public async Task<Result<Application>> ExtendAsync(Guid id, int days, string? reason, Officer officer, CancellationToken cancellationToken = default)
    {
        if (FieldErrors.OverLimit(TooLong, ("reason", reason, TextLimits.Reason, "延期理由")) is { } tooLong)
        {
            return tooLong;
        }

        var calendar = await calendars.GetAsync(db, cancellationToken);
        return await ActAsync(
            id,
            officer,
            Desk.Review,
            "licensing.extended",
            (a, on) => a.Extend(days, reason, officer.Actor.UserName, on, ApplicationClock.Read(calendar, a.RegionCode, a.AcceptedOn ?? on, a.Limits, a.Pauses, on)),
            a => $"延长 {a.Extension!.Days} 个工作日：{a.Extension.Reason}",
            cancellationToken);
    }

    public async Task<Result<Application>> DecideAsync(Guid id, bool approve, string? reasons, Officer officer, CancellationToken cancellationToken = default) =>
        FieldErrors.OverLimit(TooLong, ("reasons", reasons, TextLimits.Reason, "决定理由")) is { } tooLong ? tooLong : await IssueIfApprovedAsync(
            await ActAsync(id, officer, Desk.Review, "licensing.decided", (a, on) => a.Decide(approve, reasons, officer.Actor.UserName, on), a => a.State == ApplicationState.AwaitingSignOff ? $"拟{(approve ? "准予" : "不予")}许可，待复核" : ApplicationStates.Name(a.State), cancellationToken),
            officer,
            cancellationToken);

    public async Task<Result<Application>> SignOffAsync(Guid id, bool agree, Officer officer, CancellationToken cancellationToken = default) =>
        await IssueIfApprovedAsync(
            await ActAsync(id, officer, Desk.Review, "licensing.signed-off", (a, on) => a.SignOff(agree, officer.Actor.UserName, on), a => agree ? $"复核同意：{ApplicationStates.Name(a.State)}" : "复核退回重审", cancellationToken),
            officer,
            cancellationToken);

    public Task<Result<Application>> HandOverAsync(Guid id, string? to, Officer officer, CancellationToken cancellationToken = default) =>
        FieldErrors.OverLimit(TooLong, ("to", to, IdentityRules.MaxUserNameLength, "接办人账户")) is { } tooLong ? Refused(tooLong) : ActAsync(id, officer, Desk.Window, DepartmentOverview.HandedOver, (a, _) => a.HandOver(officer.Actor.UserName, to?.Trim() ?? string.Empty, officer.IsHead), a => $"首办责任人移交给 {a.Owner}", cancellationToken, tellApplicant: false);

    public Task<Result<Application>> RequestExtensionAsync(Guid id, int days, string? reason, Officer officer, CancellationToken cancellationToken = default) =>
        FieldErrors.OverLimit(TooLong, ("reason", reason, TextLimits.Reason, "延期理由")) is { } tooLong ? Refused(tooLong) : ActAsync(id, officer, Desk.Review, "licensing.extension-requested", (a, on) => a.RequestExtension(days, reason, officer.Actor.UserName, on), a => $"申请延长 {a.ExtensionRequest!.Days} 个工作日：{a.ExtensionRequest.Reason}", cancellationToken, tellApplicant: false);

    public Task<Result<Application>> RefuseExtensionAsync(Guid id, Officer officer, CancellationToken cancellationToken = default) =>
        ActAsync(id, officer, Desk.Review, "licensing.extension-refused", (a, _) => a.RefuseExtension(), _ => "不同意延期", cancellationToken, tellApplicant: false);

    public Task<Result<Application>> RecordAssessmentAsync(Guid id, AssessmentKind kind, string? record, string? findings, IReadOnlyList<Guid> attachments, Officer officer, CancellationToken cancellationToken = default) =>
        FieldErrors.OverLimit(TooLong, ("record", record, TextLimits.Statement, "评估核查记录"), ("findings", findings, TextLimits.Reason, "评估核查结论")) is { } tooLong ? Refused(tooLong) : ActAsync(id, officer, Desk.Review, "licensing.assessed", (a, on) => a.RecordAssessment(kind, record, findings, attachments, officer.Actor.UserName, on), a => $"{AssessmentNames.Name(kind)}：{a.Assessments[^1].Findings}", cancellationToken, uploads: attachments);

    /// <summary>
    /// An approval issues the permit at once (准予许可 → 发证), or for a renewal gives the permit its next period.
    /// Issuing is idempotent, so should it fail after the decision was saved, issuing again (the permit page, or the
    /// next decision call) completes it.
    /// </summary>
    private async Task<Result<Application>> IssueIfApprovedAsync(Result<Application> decided, Officer officer, CancellationToken cancellationToken)
    {
        if (decided.Value is { State: ApplicationState.Approved } application)
        {
            var issued = application.RenewsPermit is { } number
                ? (await renew.HandleAsync(new(number, application.SubmittedOn!.Value, RenewalBasis.Decided, officer.Actor), cancellationToken)).Refusal
                : (await issue.IssueAsync(application.Id, null, officer.Actor, cancellationToken)).Refusal;
            if (issued is not null)
            {
                return issued;
            }
        }

        return decided;
    }

    private static Task<Result<Application>> Refused(Refusal refusal) => Task.FromResult<Result<Application>>(refusal);

    private static Refusal? SupplementTexts(IReadOnlyList<MissingMaterial> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count > MaxSupplementItems)
        {
            return new Refusal(TooLong, "内容过长", $"补正告知不超过 {MaxSupplementItems} 项。") { Errors = new Dictionary<string, string[]> { ["items"] = [$"补正告知不超过 {MaxSupplementItems} 项。"] } };
        }

        var errors = new FieldErrors();
        foreach (var item in items)
        {
            errors.OptionalText("items.material", item.Material, TextLimits.Name, "补正的材料名称", TextKind.Paragraph);
            errors.OptionalText("items.problem", item.Problem, TextLimits.Remark, "补正的问题说明", TextKind.Paragraph);
        }

        return errors.Any ? errors.Refusal(TooLong, "内容过长") : null;
    }

    private async Task<Result<Application>> ActAsync(Guid id, Officer officer, Desk desk, string action, Func<Application, DateOnly, Result<Application>> act, Func<Application, string> summary, CancellationToken cancellationToken, bool tellApplicant = true, IReadOnlyList<Guid>? uploads = null)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        var mayAct = application is not null && (application.DepartmentCode == officer.DepartmentCode
            || (desk == Desk.Window && officer.AtWindow && officer.RegionCode is { } region && application.RegionCode.StartsWith(Region.CoveragePrefix(region), StringComparison.Ordinal)));
        if (!mayAct)
        {
            return new Refusal("licensing/application-not-found", "申请不存在", "本部门（窗口）没有这件申请。", RefusalKind.NotFound);
        }

        var owner = application!.Owner;
        var today = ChinaTime.Today(time);
        var acted = act(application, today);
        if (!acted.IsSuccess)
        {
            return acted;
        }

        // Attachments become part of the record, so the sweep of unused uploads keeps them.
        await using var transaction = uploads is { Count: > 0 } ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (uploads is { Count: > 0 } && await MaterialUploads.PutInUseAsync(db, application.Uscc, uploads, time.GetUtcNow(), cancellationToken) is { } expired)
        {
            return expired;
        }

        application.Reschedule(await calendars.GetAsync(db, cancellationToken), today);
        var said = summary(application);
        db.Record(officer.Actor, time, action, nameof(Application), application.Id.ToString(), $"{application.Number ?? application.Id.ToString()}：{said}");
        var link = $"/Licensing/Application/{application.Id}";
        if (tellApplicant)
        {
            notifier.Tell(Mailboxes.Company(application.Uscc), $"{application.Number}：{ApplicationStates.Name(application.State)}", $"您申请的{application.Item.Name}（编号 {application.Number}）：{said}。", link);
        }

        if (application.Owner != owner && application.Owner != officer.Actor.UserName)
        {
            notifier.Tell(Mailboxes.Officer(application.Owner), $"交办：{application.Number}", $"{officer.Actor.UserName} 将{application.Item.Name}（编号 {application.Number}，{application.Uscc}）交由您办理，您为首办责任人。", link);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == id, cancellationToken);
            return new Refusal("licensing/changed", "申请已被他人处理", $"这件申请刚刚已被处理，当前为“{ApplicationStates.Name(current.State)}”，请刷新后再办理。", RefusalKind.Conflict);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return application;
    }
}
