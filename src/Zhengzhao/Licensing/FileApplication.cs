using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Catalog;
using Zhengzhao.Common;
using Zhengzhao.Credit;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Licensing;

/// <summary>
/// Files an application for a catalogue item: online by the company's applicant, or at the window on its behalf by a
/// clerk of the company's region, who records the agent who came (<see cref="Agent"/>). The item version in force is
/// pinned; the materials are the company's uploads; with <c>Submit</c> the application
/// is handed in at once (a filing is then recorded, a signed commitment accepted on the spot). A renewal (延续) names
/// the company's permit instead of the item, within the permit's renewal window, and brings a renewal form. Idempotent:
/// the same idempotency key from the same account returns the application it first made.
/// </summary>
public sealed class FileApplication(ZhengzhaoDbContext db, GroupCommit commits, JointDiscipline discipline, IssuePermit issue, CalendarCache calendars, Notifier notifier, IDataProtectionProvider protection, TimeProvider time) : IUseCase
{
    public const int MaxKeyLength = 100;

    public const int MaxSignatoryLength = 50;

    public const int MaxMaterialNameLength = 100;

    /// <summary>More materials than any checklist names: a longer list is a mistake or an attack, not an application.</summary>
    public const int MaxMaterials = 100;

    public sealed record Material(string Name, Guid Upload);

    /// <param name="By">Who files: the company itself, or a window clerk of a region (then <paramref name="Agent"/> is required).</param>
    /// <param name="Renews">For a renewal, the number of the company's permit to renew; its item is then the item.</param>
    public sealed record Command(string Uscc, string? ItemCode, ApplicationRoute Route, IReadOnlyList<Material> Materials, string? Signatory, string? Address, bool Submit, string? IdempotencyKey, FindApplications.Reader By, Actor Actor, string? Renews = null, AgentInput? Agent = null);

    public sealed record Filed(Application Application, bool Replayed);

    public async Task<Result<Filed>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var key = command.IdempotencyKey?.Trim();
        if (key?.Length > MaxKeyLength)
        {
            return Invalid("idempotencyKey", $"Idempotency-Key 不超过 {MaxKeyLength} 个字符。");
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
        Enterprise? enterprise;
        if (atWindow)
        {
            var named = await CompanyScope.WindowCompanyAsync(db, command.Uscc, command.By.WindowRegion!, cancellationToken);
            if (!named.IsSuccess)
            {
                return named.Refusal!;
            }

            enterprise = named.Value;
        }
        else if (command.By.Uscc == command.Uscc)
        {
            enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Uscc == command.Uscc, cancellationToken);
        }
        else
        {
            return CompanyScope.OutOfScope;
        }

        if (enterprise is null || enterprise.Status != EnterpriseStatus.Active)
        {
            return CompanyNotActive(command.Uscc);
        }

        if (!atWindow && command.Agent is not null)
        {
            return Invalid("agent", "企业自己申请的，不登记代办人。");
        }

        Agent? agent = null;
        if (atWindow)
        {
            var came = await AgentAsync(command.Agent, enterprise, cancellationToken);
            if (!came.IsSuccess)
            {
                return came.Refusal!;
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
                return renewal.Refusal!;
            }

            renewed = renewal.Value;
        }

        var itemCode = renewed?.ItemCode ?? command.ItemCode?.Trim().ToUpperInvariant() ?? string.Empty;
        if (await PinAsync(itemCode, enterprise, today, cancellationToken) is not (var item, var content))
        {
            return Invalid("itemCode", $"事项“{itemCode}”不存在、不适用于本企业类型、未在企业所在地实施或已停止实施。");
        }

        if (renewed is not null)
        {
            // A renewal is decided on the renewal form and the item's materials as they still stand, not re-examined step by step.
            item = item with { Materials = [Application.RenewalForm, .. item.Materials], RequiredMaterials = [Application.RenewalForm], Steps = [] };
        }

        var bars = await discipline.BarsAsync(enterprise.Uscc, null, cancellationToken);
        if (command.Route == ApplicationRoute.Commitment && item.Mode == ReformMode.Commitment && bars.FirstOrDefault(b => b.Rule.Restriction == Restriction.CommitmentRoute) is { } bar)
        {
            return new Refusal("licensing/commitment-barred", "不能选择告知承诺方式", $"{bar.Reason}（联合惩戒规则 {bar.Rule.Code}）", RefusalKind.Forbidden);
        }

        var closerReview = string.Join("；", bars.Where(b => b.Rule.Restriction == Restriction.CloserReview).Select(b => $"规则 {b.Rule.Code}：{b.Reason}"));

        var application = new Application(enterprise.Uscc, enterprise.RegionCode, item, renewed is null ? command.Route : ApplicationRoute.Ordinary, command.Actor.UserName, atWindow)
        {
            Agent = agent,
            IdempotencyKey = key is { Length: > 0 } ? key : null,
            RenewsPermit = renewed?.Number,
            RenewalLastDay = renewed?.ValidTo,
            CloserReview = closerReview.Length == 0 ? null : closerReview[..Math.Min(closerReview.Length, Application.MaxCloserReviewLength)],
        };
        if (await AttachAsync(application, command.Materials, content.Materials, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (application.Route == ApplicationRoute.Commitment && command.Signatory is { Length: > 0 } signatory)
        {
            application.SignCommitment(new CommitmentSignature(CommitmentText.Digest(item), signatory.Trim(), time.GetUtcNow(), command.Address));
        }

        try
        {
            var recorded = await commits.RunAsync((batch, ct) => batch.GetRequiredService<FileApplication>().RecordAsync(application, enterprise.Name, content, command.Actor, today, command.Submit, ct), cancellationToken);
            return recorded.IsSuccess ? new Filed(application, false) : recorded.Refusal!;
        }
        catch (DbUpdateException) when (key is { Length: > 0 })
        {
            // The same request arrived twice at once: the first one's application stands.
            if (await FindReplayAsync(command.Actor, key, cancellationToken) is { } first)
            {
                return new Filed(first, true);
            }

            throw;
        }
    }

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
        if (!await db.Enterprises.AnyAsync(e => e.Uscc == application.Uscc && e.Status == EnterpriseStatus.Active, cancellationToken))
        {
            return CompanyNotActive(application.Uscc);
        }

        if (submit)
        {
            var submitted = application.Submit(await NumberAsync(application.Item, today, cancellationToken), today);
            if (!submitted.IsSuccess)
            {
                return submitted;
            }

            await RescheduleAndTellAsync(application, today, cancellationToken);
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

    /// <summary>Hands in a draft the company prepared earlier, or one the window drafted with the company's agent.</summary>
    public async Task<Result<Application>> SubmitAsync(Guid id, FindApplications.Reader by, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await CompanyScope.ApplicationAsync(db, id, by, "提交", cancellationToken);
        if (found.Value is not { } application)
        {
            return found;
        }

        if (application.State != ApplicationState.Draft)
        {
            return new Refusal("licensing/wrong-state", "已提交", $"这件申请已提交（编号 {application.Number}），当前为“{ApplicationStates.Name(application.State)}”。", RefusalKind.Conflict);
        }

        var today = ChinaTime.Today(time);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var submitted = application.Submit(await NumberAsync(application.Item, today, cancellationToken), today);
        if (!submitted.IsSuccess)
        {
            return submitted;
        }

        await RescheduleAndTellAsync(application, today, cancellationToken);

        db.Record(actor, time, "licensing.submitted", nameof(Application), application.Id.ToString(), $"提交（编号 {application.Number}）：{ApplicationStates.Name(application.State)}{CompanyScope.OnBehalf(application.Uscc, application.Agent)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Refusal("licensing/changed", "申请已被他人处理", "这件申请刚刚已提交（可能是重复点击），请刷新后查看。", RefusalKind.Conflict);
        }

        await IssueIfDoneAsync(application, actor, cancellationToken);
        return application;
    }

    /// <summary>
    /// The applicant hands in what the one-time notification listed, as new uploads of its own; for an application
    /// the window filed, the window may take them from the company's agent.
    /// </summary>
    public async Task<Result<Application>> CompleteSupplementAsync(Guid id, FindApplications.Reader by, IReadOnlyList<Material> materials, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(materials);
        if (Materials(materials) is { } tooLong)
        {
            return tooLong;
        }

        var found = await CompanyScope.ApplicationAsync(db, id, by, "补正", cancellationToken);
        if (found.Value is not { } application)
        {
            return found;
        }

        var pinned = await PinnedContent.OfAsync(db, application, cancellationToken);
        if (await AttachAsync(application, materials, pinned?.Materials ?? [], cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var today = ChinaTime.Today(time);
        var completed = application.CompleteSupplement(today);
        if (!completed.IsSuccess)
        {
            return completed;
        }

        await RescheduleAndTellAsync(application, today, cancellationToken, "补正材料已提交");

        // The materials it replaces stay in use: they are part of what the company handed in.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await MaterialUploads.PutInUseAsync(db, application.Uscc, application.Uploads, time.GetUtcNow(), cancellationToken) is { } expired)
        {
            return expired;
        }

        db.Record(actor, time, "licensing.supplemented", nameof(Application), application.Id.ToString(), $"{application.Number}：补正材料已提交（{string.Join("、", materials.Select(m => m.Name))}）{CompanyScope.OnBehalf(application.Uscc, application.Agent)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Refusal("licensing/changed", "申请已被他人处理", "这件申请刚刚已变化，请刷新后查看。", RefusalKind.Conflict);
        }

        await transaction.CommitAsync(cancellationToken);
        return application;
    }

    /// <summary>
    /// A submitted draft may be a filing, recorded at once, or a commitment decided on the spot: its receipt (备案凭证) or
    /// permit is issued after the submission is saved, idempotently, as a decision's is.
    /// </summary>
    private async Task IssueIfDoneAsync(Application application, Actor actor, CancellationToken cancellationToken)
    {
        if (application.State is ApplicationState.Filed or ApplicationState.Approved && !(await issue.IssueAsync(application.Id, null, actor, cancellationToken)).IsSuccess)
        {
            throw new InvalidOperationException($"The permit of application {application.Number} was not issued.");
        }
    }

    /// <summary>Sets the worklist's due date and tells the company where its application now stands.</summary>
    private async Task RescheduleAndTellAsync(Application application, DateOnly today, CancellationToken cancellationToken, string done = "已提交")
    {
        application.Reschedule(await calendars.GetAsync(db, cancellationToken), today);
        var next = application.State switch
        {
            ApplicationState.Submitted => $"请等待窗口受理（{Application.AcceptanceDays} 个工作日内答复）。",
            ApplicationState.Accepted => "已受理，进入审查。",
            ApplicationState.Filed => "已备案，可以开展经营。",
            ApplicationState.Approved => "已当场作出准予许可决定。",
            _ => string.Empty,
        };
        notifier.Tell(Mailboxes.Company(application.Uscc), $"{application.Number}：{ApplicationStates.Name(application.State)}", $"您申请的{application.Item.Name}（编号 {application.Number}）{done}。{next}", $"/Licensing/Application/{application.Id}");
    }

    /// <summary>受理编号: department, year, and a sequence of the department's year, e.g. XZ-SYJ-2026-000042.</summary>
    private async Task<string> NumberAsync(PinnedItem item, DateOnly today, CancellationToken cancellationToken)
    {
        var next = await NumberSequence.TakeAsync(db, $"application:{item.DepartmentCode}:{today.Year}", cancellationToken);
        return NumberSequence.Compose(item.DepartmentCode, today.Year, next);
    }

    /// <summary>The company's permit to renew: valid, within its renewal window, with no other renewal in hand.</summary>
    private async Task<Result<Permit>> RenewalOfAsync(string number, string uscc, DateOnly today, CancellationToken cancellationToken)
    {
        var trimmed = number.Trim().ToUpperInvariant();
        var permit = await db.Permits.AsNoTracking().FirstOrDefaultAsync(p => p.Number == trimmed && p.Uscc == uscc, cancellationToken);
        if (permit is null)
        {
            return Invalid("renews", $"本企业没有证号为“{trimmed}”的证照。");
        }

        if (permit.StateOn(today) != PermitState.Valid)
        {
            return new Refusal("licensing/permit-wrong-state", "证照不能延续", $"证照 {permit.Number} 当前为“{PermitStates.Name(permit.StateOn(today))}”，不能申请延续。", RefusalKind.Conflict);
        }

        if (RenewalRules.CanFile(permit.ValidTo, permit.RenewalWindowDays, today) is { } refusal)
        {
            return refusal;
        }

        var inHand = await db.Applications.AnyAsync(a => a.RenewsPermit == permit.Number && (a.State == ApplicationState.Draft || a.State == ApplicationState.Submitted || a.State == ApplicationState.SupplementRequested || a.State == ApplicationState.Accepted || a.State == ApplicationState.AwaitingSignOff), cancellationToken);
        return inHand
            ? new Refusal("licensing/renewal-in-hand", "已有延续申请", $"证照 {permit.Number} 已有一件延续申请在办理中。", RefusalKind.Conflict)
            : permit;
    }

    private Task<Application?> FindReplayAsync(Actor actor, string key, CancellationToken cancellationToken) =>
        db.Applications.FirstOrDefaultAsync(a => a.FiledBy == actor.UserName && a.IdempotencyKey == key, cancellationToken);

    /// <summary>The item version in force for the company, pinned; with its content, which the receipt's terms come from.</summary>
    private async Task<(PinnedItem Item, ItemContent Content)?> PinAsync(string code, Enterprise enterprise, DateOnly today, CancellationToken cancellationToken)
    {
        var found = await db.ItemVersions.AsNoTracking()
            .Where(v => v.ItemCode == code && !v.IsDraft && v.ValidFrom <= today && (v.ValidTo == null || v.ValidTo >= today))
            .Join(db.LicensingItems.Where(i => i.RetiredOn == null || i.RetiredOn > today), v => v.ItemCode, i => i.Code, (v, i) => new { v.Number, v.Content, i.Kind })
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null
            || (found.Content.EnterpriseTypes.Count > 0 && !found.Content.EnterpriseTypes.Contains(enterprise.Type))
            || !RolloutRules.Applies(await db.RolloutPlanAsync(cancellationToken), code, found.Kind, enterprise.RegionCode, today))
        {
            return null;
        }

        var c = found.Content;
        return (new PinnedItem(
            code, found.Number, c.Name, c.DepartmentCode, c.Mode,
            new ClockLimits(c.StatutoryLimitDays, c.CommittedLimitDays),
            c.ExtensionAllowed ? c.ExtensionDays : 0,
            [.. c.Materials.Select(m => m.Name)],
            [.. c.Materials.Where(m => m.Required).Select(m => m.Name)],
            c.Steps,
            c.CommitmentLetterText,
            c.Mode == ReformMode.StrictAccess && c.PauseForExpertReview), c);
    }

    /// <summary>
    /// Attaches the named uploads: each must be the company's own, and of a kind and size its material accepts in
    /// the item's checklist (<see cref="ItemMaterial.FileRule"/>; the renewal form, not in it, takes the platform's).
    /// </summary>
    private async Task<Refusal?> AttachAsync(Application application, IReadOnlyList<Material> materials, IReadOnlyList<ItemMaterial> checklist, CancellationToken cancellationToken)
    {
        var ids = materials.Select(m => m.Upload).ToList();
        var own = await db.MaterialUploads.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Uscc == application.Uscc).ToDictionaryAsync(u => u.Id, u => (u.Kind, u.Size), cancellationToken);
        foreach (var material in materials)
        {
            if (!own.TryGetValue(material.Upload, out var file))
            {
                return MaterialUploads.Expired("materials", $"材料“{material.Name}”：");
            }

            var rule = checklist.FirstOrDefault(m => m.Name == material.Name)?.FileRule ?? MaterialFileRule.Platform;
            if (rule.Problem(material.Name, file.Kind, file.Size) is { } problem)
            {
                return Invalid("materials", problem);
            }

            var attached = application.AttachMaterial(material.Name, material.Upload);
            if (!attached.IsSuccess)
            {
                return attached.Refusal;
            }
        }

        return null;
    }

    /// <summary>
    /// The agent checked and recorded: a resident ID matching the register's legal representative (name and number)
    /// is the representative in person; anyone else needs the company's power of attorney, uploaded for it.
    /// </summary>
    private async Task<Result<Agent>> AgentAsync(AgentInput? input, Enterprise enterprise, CancellationToken cancellationToken)
    {
        var checkedAgent = AgentRules.Check(input);
        if (!checkedAgent.IsSuccess)
        {
            return checkedAgent.Refusal!;
        }

        var (name, kind, number) = checkedAgent.Value;
        var protector = protection.CreateProtector(AgentRules.NumberPurpose);
        var representative = kind == IdentityDocumentKind.ResidentIdCard && name == enterprise.LegalRepresentative && RepresentativeId(enterprise) == number;
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

        return new Agent(name, kind, protector.Protect(number), Registry.IdentityNumber.Mask(number), representative, representative ? null : attorney);
    }

    /// <summary>The legal representative's identity number, or null when no key can read it (the agent then needs a power of attorney).</summary>
    private string? RepresentativeId(Enterprise enterprise)
    {
        try
        {
            return enterprise.LegalRepresentativeIdProtected.Length == 0 ? null : protection.CreateProtector(RecordRegistration.IdPurpose).Unprotect(enterprise.LegalRepresentativeIdProtected);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Every text the filing brings, held to its length before anything is read.</summary>
    private static Refusal? Texts(Command command) =>
        FieldErrors.OverLimit("licensing/invalid-application", ("signatory", command.Signatory, MaxSignatoryLength, "告知承诺书签署人"), ("itemCode", command.ItemCode, 30, "事项编码"), ("renews", command.Renews, PermitNumbers.MaxLength, "延续的证号"))
        ?? Materials(command.Materials);

    private static Refusal? Materials(IReadOnlyList<Material> materials)
    {
        if (materials.Count > MaxMaterials)
        {
            return Invalid("materials", $"材料不超过 {MaxMaterials} 项。");
        }

        return materials.FirstOrDefault(m => m.Name.Length > MaxMaterialNameLength) is null ? null : Invalid("materials", $"材料名称不超过{MaxMaterialNameLength}字。");
    }

    private static Refusal CompanyNotActive(string uscc) =>
        new("licensing/company-not-active", "企业不可申请", $"统一社会信用代码为 {uscc} 的企业不在册或已注销、吊销。", RefusalKind.Conflict);

    private static Refusal Invalid(string field, string detail) =>
        new("licensing/invalid-application", "申请内容有误", detail) { Errors = new Dictionary<string, string[]> { [field] = [detail] } };
}
