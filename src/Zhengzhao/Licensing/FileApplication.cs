using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Catalog;
using Zhengzhao.Common;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Licensing;

/// <summary>
/// Files an application for a catalogue item: online by the company's applicant, or at the window on its behalf by a
/// clerk of the company's region, who records the agent who came (<see cref="Agent"/>). The item version in force is
/// pinned; the materials are the company's uploads; with <see cref="Command.Submit"/> the application
/// is handed in at once (a filing is then recorded, a signed commitment accepted on the spot). A renewal (延续) names
/// the company's permit instead of the item, within the permit's renewal window, and brings a renewal form. Idempotent:
/// the same idempotency key from the same account returns the application it first made.
/// </summary>
public sealed class FileApplication(ZhengzhaoDbContext db, GroupCommit commits, IFilingDiscipline discipline, IssuePermit issue, CalendarCache calendars, Notifier notifier, IDataProtectionProvider protection, TimeProvider time) : IUseCase
{
    public const int MaxKeyLength = 100;

    public const int MaxSignatoryLength = 50;

    public sealed record Command
    {
        public required string Uscc { get; init; }

        /// <summary>The catalogue item; for a renewal, none (the permit's item is the item).</summary>
        public string? ItemCode { get; init; }

        public ApplicationRoute Route { get; init; } = ApplicationRoute.Ordinary;

        public required IReadOnlyList<MaterialInput> Materials { get; init; }

        /// <summary>Who signs the commitment letter (告知承诺书), on the commitment route.</summary>
        public string? Signatory { get; init; }

        /// <summary>The IP address the commitment was signed from, kept with the signature as evidence of who signed.</summary>
        public string? SignerIpAddress { get; init; }

        /// <summary>Hand the application in at once; otherwise it is kept as a draft to submit later (<see cref="SubmitDraft"/>).</summary>
        public required bool Submit { get; init; }

        public string? IdempotencyKey { get; init; }

        /// <summary>Who files: the company itself, or a window clerk of a region (then <see cref="Agent"/> is required).</summary>
        public required FindApplications.Reader By { get; init; }

        public required Actor Actor { get; init; }

        /// <summary>For a renewal, the number of the company's permit to renew; its item is then the item.</summary>
        public string? Renews { get; init; }

        public AgentInput? Agent { get; init; }
    }

    public sealed record Filed(Application Application, bool Replayed);

    public async Task<Result<Filed>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var key = command.IdempotencyKey?.Trim();
        if (key?.Length > MaxKeyLength)
        {
            return LicensingRefusals.InvalidApplication("idempotencyKey", $"Idempotency-Key 不超过 {MaxKeyLength} 个字符。");
        }

        if (Texts(command) is { } tooLong)
        {
            return tooLong;
        }

        if (key is { Length: > 0 } && await FindReplayAsync(command.Actor, key, cancellationToken) is { } replayed)
        {
            return new Filed(replayed, true);
        }

        var atWindow = CompanyScope.AtWindow(command.By);
        RegisteredEnterprise? enterprise;
        if (atWindow)
        {
            var named = await CompanyScope.WindowCompanyAsync(db, command.Uscc, command.By.WindowRegion!, cancellationToken);
            if (!named.IsSuccess)
            {
                return named.Refusal;
            }

            enterprise = named.Value;
        }
        else if (command.By.Uscc == command.Uscc)
        {
            enterprise = await db.RegisteredEnterprises().FirstOrDefaultAsync(e => e.Uscc == command.Uscc, cancellationToken);
        }
        else
        {
            return LicensingRefusals.CompanyOutOfScope;
        }

        if (enterprise is null || enterprise.Status != EnterpriseStatus.Active)
        {
            return LicensingRefusals.CompanyNotActive(command.Uscc);
        }

        if (!atWindow && command.Agent is not null)
        {
            return LicensingRefusals.InvalidApplication("agent", "企业自己申请的，不登记代办人。");
        }

        Agent? agent = null;
        if (atWindow)
        {
            var came = await AgentAsync(command.Agent, enterprise, cancellationToken);
            if (!came.IsSuccess)
            {
                return came.Refusal;
            }

            agent = came.Value;
        }

        var today = ChinaTime.Today(time);
        Permit? renewed = null;
        if (command.Renews is { Length: > 0 } renews)
        {
            var renewal = await RenewalOfAsync(renews, enterprise.Uscc, today, cancellationToken);
            if (!renewal.IsSuccess)
            {
                return renewal.Refusal;
            }

            renewed = renewal.Value;
        }

        var itemCode = renewed?.ItemCode ?? command.ItemCode?.Trim().ToUpperInvariant() ?? string.Empty;
        if (await PinnedContent.PinAsync(db, itemCode, enterprise, today, cancellationToken) is not (var item, var content))
        {
            return LicensingRefusals.InvalidApplication("itemCode", $"事项“{itemCode}”不存在、不适用于本企业类型、未在企业所在地实施或已停止实施。");
        }

        if (renewed is not null)
        {
            // A renewal is decided on the renewal form and the item's materials as they still stand, not re-examined step by step.
            item = item with { Materials = [Application.RenewalForm, .. item.Materials], RequiredMaterials = [Application.RenewalForm], Steps = [] };
        }

        var disciplined = await discipline.OfAsync(enterprise.Uscc, cancellationToken);
        if (command.Route == ApplicationRoute.Commitment && item.Mode == ReformMode.Commitment && disciplined.CommitmentBarredBecause is { } barred)
        {
            return LicensingRefusals.CommitmentBarred(barred);
        }

        var closerReview = string.Join("；", disciplined.CloserReview);
        var application = new Application(enterprise.Uscc, enterprise.RegionCode, item, renewed is null ? command.Route : ApplicationRoute.Ordinary, command.Actor.UserName, atWindow)
        {
            Agent = agent,
            IdempotencyKey = key is { Length: > 0 } ? key : null,
            RenewsPermit = renewed?.Number,
            RenewalLastDay = renewed?.ValidTo,
            CloserReview = closerReview.Length == 0 ? null : closerReview[..Math.Min(closerReview.Length, Application.MaxCloserReviewLength)],
        };
        if (await FilingSteps.AttachAsync(db, application, command.Materials, content.Materials, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (application.Route == ApplicationRoute.Commitment && command.Signatory is { Length: > 0 } signatory)
        {
            application.SignCommitment(new CommitmentSignature(CommitmentText.Digest(item), signatory.Trim(), time.GetUtcNow(), command.SignerIpAddress));
        }

        try
        {
            // The write joins the next group-commit batch (ADR 17): filings that arrive together are saved in one
            // transaction with one commit, from the DbContext of the batch's own service scope. So the write adds its
            // rows to that context, not to this request's, which only read and is never saved: InBatch is this use
            // case as the batch's scope resolves it, holding the batch's DbContext.
            var recorded = await commits.RunAsync((batch, ct) => InBatch(batch).RecordAsync(application, enterprise.Name, content, command.Actor, today, command.Submit, ct), cancellationToken);
            return recorded.IsSuccess ? new Filed(application, false) : recorded.Refusal;
        }
        catch (DbUpdateException e) when (key is { Length: > 0 } && DbErrors.IsUniqueViolation(e))
        {
            // The same request arrived twice at once: the first one's application stands.
            if (await FindReplayAsync(command.Actor, key, cancellationToken) is { } first)
            {
                return new Filed(first, true);
            }

            throw;
        }
    }

    /// <summary>This use case as a group-commit batch's scope resolves it: its DbContext is the batch's, saved once for every write in it.</summary>
    private static FileApplication InBatch(IServiceProvider batch) => batch.GetRequiredService<FileApplication>();

    /// <summary>
    /// The write of a new application, run in a group commit's batch: this instance is the batch's, so what it adds goes
    /// into the batch's unit of work, under the batch's transaction. With <paramref name="submit"/> it takes its number
    /// and is handed in; a filing is then recorded, and a commitment may be decided on the spot: the receipt (备案凭证) or
    /// permit goes into the same unit, so a filed application never lacks it (a retried request only replays the
    /// application).
    /// </summary>
    private async Task<Result<Application>> RecordAsync(Application application, string holder, ItemContent content, Actor actor, DateOnly today, bool submit, CancellationToken cancellationToken)
    {
        // Checked again under the batch's transaction: a deregistration may have been recorded while this write waited.
        if (!await db.RegisteredEnterprises().AnyAsync(e => e.Uscc == application.Uscc && e.Status == EnterpriseStatus.Active, cancellationToken))
        {
            return LicensingRefusals.CompanyNotActive(application.Uscc);
        }

        if (submit)
        {
            var submitted = await FilingSteps.SubmitAsync(db, calendars, notifier, application, today, cancellationToken);
            if (!submitted.IsSuccess)
            {
                return submitted;
            }
        }

        if (await MaterialUploads.PutInUseAsync(db, application.Uscc, application.Uploads, time.GetUtcNow(), cancellationToken) is { } expired)
        {
            return expired;
        }

        var item = application.Item;
        db.Applications.Add(application);
        db.Record(actor, time, "licensing.filed", nameof(Application), application.Id.ToString(), $"{application.Uscc} 申请 {item.Code}（v{item.Version}，{CatalogTerms.ShortName(item.Mode)}）：{ApplicationStates.Name(application.State)}{(application.Number is null ? string.Empty : "，编号 " + application.Number)}{CompanyScope.OnBehalf(application.Uscc, application.Agent)}");
        if (application.State is ApplicationState.Filed or ApplicationState.Approved)
        {
            await issue.IssueWithinAsync(application, holder, content, actor, cancellationToken);
        }

        return application;
    }

    /// <summary>The company's permit to renew: valid, within its renewal window, with no other renewal in hand.</summary>
    private async Task<Result<Permit>> RenewalOfAsync(string number, string uscc, DateOnly today, CancellationToken cancellationToken)
    {
        var trimmed = number.Trim().ToUpperInvariant();
        var permit = await db.Permits.AsNoTracking().FirstOrDefaultAsync(p => p.Number == trimmed && p.Uscc == uscc, cancellationToken);
        if (permit is null)
        {
            return LicensingRefusals.InvalidApplication("renews", $"本企业没有证号为“{trimmed}”的证照。");
        }

        if (permit.StateOn(today) != PermitState.Valid)
        {
            return LicensingRefusals.PermitNotRenewable(permit.Number, permit.StateOn(today));
        }

        if (RenewalRules.CanFile(permit.ValidTo, permit.RenewalWindowDays, today) is { } refusal)
        {
            return refusal;
        }

        var inHand = await db.Applications.AnyAsync(a => a.RenewsPermit == permit.Number && (a.State == ApplicationState.Draft || a.State == ApplicationState.Submitted || a.State == ApplicationState.SupplementRequested || a.State == ApplicationState.Accepted || a.State == ApplicationState.AwaitingSignOff), cancellationToken);
        return inHand ? LicensingRefusals.RenewalInHand(permit.Number) : permit;
    }

    private Task<Application?> FindReplayAsync(Actor actor, string key, CancellationToken cancellationToken) =>
        db.Applications.FirstOrDefaultAsync(a => a.FiledBy == actor.UserName && a.IdempotencyKey == key, cancellationToken);

    /// <summary>
    /// The agent checked and recorded: a resident ID matching the register's legal representative (name and number)
    /// is the representative in person; anyone else needs the company's power of attorney, uploaded for it.
    /// </summary>
    private async Task<Result<Agent>> AgentAsync(AgentInput? input, RegisteredEnterprise enterprise, CancellationToken cancellationToken)
    {
        var checkedAgent = AgentRules.Check(input);
        if (!checkedAgent.IsSuccess)
        {
            return checkedAgent.Refusal;
        }

        var (name, kind, number) = checkedAgent.Value;
        var representative = kind == IdentityDocumentKind.ResidentIdCard && name == enterprise.LegalRepresentative
            && await db.IsLegalRepresentativeAsync(protection, enterprise.Uscc, name, number, cancellationToken);
        var attorney = input!.PowerOfAttorney;
        if (!representative)
        {
            var errors = new FieldErrors();
            if (attorney is not { } upload || !await db.MaterialUploads.AnyAsync(u => u.Id == upload && u.Uscc == enterprise.Uscc, cancellationToken))
            {
                errors.Add("agent.powerOfAttorney", $"代办人不是登记的法定代表人，请上传{enterprise.Name}出具的授权委托书（本企业名下的上传文件）。");
                return AgentRules.Invalid(errors);
            }
        }

        return new Agent(name, kind, protection.CreateProtector(AgentRules.NumberPurpose).Protect(number), Registry.IdentityNumber.Mask(number), representative, representative ? null : attorney);
    }

    /// <summary>Every text the filing brings, held to its length before anything is read.</summary>
    private static Refusal? Texts(Command command) =>
        FieldErrors.OverLimit(LicensingRefusals.InvalidApplicationType, ("signatory", command.Signatory, MaxSignatoryLength, "告知承诺书签署人"), ("itemCode", command.ItemCode, 30, "事项编码"), ("renews", command.Renews, PermitNumbers.MaxLength, "延续的证号"))
        ?? FilingSteps.TooLong(command.Materials);
}
