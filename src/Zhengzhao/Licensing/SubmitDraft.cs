using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>Hands in a draft the company prepared earlier, or one the window drafted with the company's agent.</summary>
public sealed class SubmitDraft(ZhengzhaoDbContext db, IssuePermit issue, CalendarCache calendars, Notifier notifier, TimeProvider time) : IUseCase
{
    public async Task<Result<Application>> HandleAsync(Guid id, FindApplications.Reader by, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await CompanyScope.ApplicationAsync(db, id, by, "提交", cancellationToken);
        if (!found.IsSuccess)
        {
            return found;
        }

        var application = found.Value;
        if (application.State != ApplicationState.Draft)
        {
            return LicensingRefusals.AlreadySubmitted(application.Number, application.State);
        }

        var today = ChinaTime.Today(time);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var submitted = await FilingSteps.SubmitAsync(db, calendars, notifier, application, today, cancellationToken);
        if (!submitted.IsSuccess)
        {
            return submitted;
        }

        db.Record(actor, time, "licensing.submitted", nameof(Application), application.Id.ToString(), $"提交（编号 {application.Number}）：{ApplicationStates.Name(application.State)}{CompanyScope.OnBehalf(application.Uscc, application.Agent)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return LicensingRefusals.SubmittedMeanwhile;
        }

        await IssueIfDoneAsync(application, actor, cancellationToken);
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
}
