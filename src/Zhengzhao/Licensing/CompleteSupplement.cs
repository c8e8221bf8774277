using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>
/// The applicant hands in what the one-time notification listed, as new uploads of its own; for an application
/// the window filed, the window may take them from the company's agent.
/// </summary>
public sealed class CompleteSupplement(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, TimeProvider time) : IUseCase
{
    public async Task<Result<Application>> HandleAsync(Guid id, FindApplications.Reader by, IReadOnlyList<MaterialInput> materials, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(materials);
        if (FilingSteps.TooLong(materials) is { } tooLong)
        {
            return tooLong;
        }

        var found = await CompanyScope.ApplicationAsync(db, id, by, "补正", cancellationToken);
        if (!found.IsSuccess)
        {
            return found;
        }

        var application = found.Value;
        var pinned = await PinnedContent.OfAsync(db, application, cancellationToken);
        if (await FilingSteps.AttachAsync(db, application, materials, pinned?.Materials ?? [], cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var today = ChinaTime.Today(time);
        var completed = application.CompleteSupplement(today);
        if (!completed.IsSuccess)
        {
            return completed;
        }

        await FilingSteps.RescheduleAndTellAsync(db, calendars, notifier, application, today, "补正材料已提交", cancellationToken);

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
            return LicensingRefusals.ChangedMeanwhile;
        }

        await transaction.CommitAsync(cancellationToken);
        return application;
    }
}
