using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Catalog;
using Zhengzhao.Common;
using Zhengzhao.Coordination;
using Zhengzhao.Licensing.Verifications;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Licensing;

/// <summary>
/// 发证: the permit (or filing receipt) of an approved (or filed) application, once. The decision flow calls it after
/// approval or filing; calling it again, or twice at once, returns the same permit (a unique index on the
/// application id decides the race). A new application filed (or decided on the spot) as it is handed in gets its
/// permit within its own transaction instead (<see cref="IssueWithinAsync"/>). The terms come from the item version
/// the application was filed under. A permit granted on a commitment, and a filing drawn for checking, owe a
/// verification (核查), queued with it.
/// </summary>
public sealed class IssuePermit(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, TimeProvider time) : IUseCase
{
    /// <param name="scope">许可范围 as the decision grants it; blank means the item as a whole (its name).</param>
    public async Task<Result<Permit>> IssueAsync(Guid applicationId, string? scope, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await ExistingAsync(applicationId, cancellationToken) is { } issued)
        {
            return issued;
        }

        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        if (application is null)
        {
            return LicensingRefusals.ApplicationNotFound;
        }

        if (application.State is not (ApplicationState.Approved or ApplicationState.Filed))
        {
            return new Refusal("licensing/not-approved", "尚未准予许可", $"申请 {application.Number} 当前为“{ApplicationStates.Name(application.State)}”，准予许可或备案后才能发证。", RefusalKind.Conflict);
        }

        var holder = await db.RegisteredEnterprises().Where(e => e.Uscc == application.Uscc).Select(e => e.Name).FirstOrDefaultAsync(cancellationToken);
        if (holder is null)
        {
            return new Refusal("licensing/unknown-holder", "企业未登记", $"统一社会信用代码 {application.Uscc} 不在登记库中，不能发证。", RefusalKind.Conflict);
        }

        var licensed = string.IsNullOrWhiteSpace(scope) ? application.Item.Name : scope.Trim();
        if (licensed.Length > Permit.MaxScopeLength)
        {
            return new Refusal("licensing/scope-too-long", "许可范围过长", $"许可范围不超过{Permit.MaxScopeLength}字。") { Errors = new Dictionary<string, string[]> { ["scope"] = [$"许可范围不超过{Permit.MaxScopeLength}字。"] } };
        }

        var content = await PinnedContent.OfAsync(db, application, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var permit = await AddAsync(application, holder, content, licensed, actor, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return permit;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            // Another call issued it first; its permit is the one (and this call's serial goes back with the rollback).
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await ExistingAsync(applicationId, cancellationToken) is { } first ? first : throw new InvalidOperationException($"Issuing the permit of application {applicationId} failed.");
        }
    }

    /// <summary>
    /// The permit (or filing receipt) of an application filed or approved in the caller's unit of work, added to it so
    /// that both are saved, or rolled back, together in the caller's transaction. Only for an application not saved
    /// yet: no other call can be issuing its permit, so there is no race to settle.
    /// </summary>
    public Task<Permit> IssueWithinAsync(Application application, string holder, ItemContent? content, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(actor);
        return AddAsync(application, holder, content, application.Item.Name, actor, cancellationToken);
    }

    /// <summary>
    /// The permit, its number, the verification it owes, the holder's message, the answer to the item's push, the event
    /// and the audit entry; the caller saves.
    /// </summary>
    private async Task<Permit> AddAsync(Application application, string holder, ItemContent? content, string licensed, Actor actor, CancellationToken cancellationToken)
    {
        var kind = application.Item.Mode == ReformMode.Filing ? PermitKind.FilingReceipt : PermitKind.Permit;
        var terms = new PermitTerms(
            content?.PermitName ?? $"{application.Item.Name}（{PermitStates.Name(kind)}）",
            licensed,
            content?.PermitValidityYears,
            content?.RenewalWindowDays ?? ItemContent.DefaultRenewalWindowDays);
        var today = ChinaTime.Today(time);
        var number = await PermitNumbers.NextAsync(db, application.DepartmentCode, today.Year, cancellationToken);
        var permit = new Permit(number, kind, application.Uscc, holder, application.Item, terms, today, application.Id, actor.UserName);
        db.Permits.Add(permit);
        if (Verification.For(application, permit, content, await calendars.GetAsync(db, cancellationToken)) is { } verification)
        {
            db.Verifications.Add(verification);
        }

        notifier.Tell(Mailboxes.Company(permit.Uscc), $"已发{PermitStates.Name(kind)}：{permit.ItemName}", $"{permit.ItemName}（申请编号 {application.Number}）已发{PermitStates.Name(kind)}，证号 {number}，可在“证照”中查看、打印和核验。", $"/Permits/{permit.Id}");
        await db.FeedBackPermitGrantedAsync(new(permit.Uscc, permit.ItemCode, permit.DepartmentCode, permit.Number), actor, time, cancellationToken);
        db.LicensingEvents.Add(LicensingEvent.Of(LicensingEvent.PermitIssued, permit, time.GetUtcNow().UtcDateTime));
        db.Record(actor, time, "licensing.permit-issued", nameof(Permit), permit.Number, $"{holder}（{permit.Uscc}）{permit.ItemName}：发{PermitStates.Name(kind)} {number}，申请 {application.Number}");
        return permit;
    }

    private Task<Permit?> ExistingAsync(Guid applicationId, CancellationToken cancellationToken) =>
        db.Permits.AsNoTracking().FirstOrDefaultAsync(p => p.ApplicationId == applicationId, cancellationToken);
}
