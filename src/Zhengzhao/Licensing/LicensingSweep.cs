using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>
/// What Licensing does on its own as days pass: gives a due date to any open application that has none (those
/// filed before the worklist kept one; once per process, as no transition leaves one without) and grants by law the
/// renewals left undecided past their permit's last day. Safe to run on every instance at once. Its deadlines are
/// warned of by Notifications, from the list of open deadlines.
/// </summary>
public sealed class LicensingSweep(ZhengzhaoDbContext db, CalendarCache calendars, RenewPermit renew, Notifier notifier, TimeProvider time) : IUseCase
{
    public sealed record Outcome(int Rescheduled, int Deemed);

    /// <param name="backfill">Whether to look for open applications without a due date: a scan of the whole table.</param>
    public async Task<Outcome> RunAsync(bool backfill = false, CancellationToken cancellationToken = default)
    {
        var rescheduled = backfill ? await RescheduleAsync(cancellationToken) : 0;
        return new Outcome(rescheduled, await DeemRenewalsAsync(cancellationToken));
    }

    /// <summary>
    /// 视为准予延续 (行政许可法 第五十条): each open renewal whose permit's last day has passed is closed as granted and
    /// the permit given its next period, both in one save; an instance that loses the race to another finds it done.
    /// </summary>
    private async Task<int> DeemRenewalsAsync(CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(time);
        var ids = await db.Applications.AsNoTracking()
            .Where(a => a.RenewalLastDay < today && (a.State == ApplicationState.Submitted || a.State == ApplicationState.SupplementRequested || a.State == ApplicationState.Accepted || a.State == ApplicationState.AwaitingSignOff))
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var deemed = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var application = await db.Applications.SingleAsync(a => a.Id == id, cancellationToken);
            if (!application.DeemRenewal(today).IsSuccess)
            {
                continue;
            }

            application.Reschedule(calendar, today);
            db.Record(Actor.System, time, "licensing.renewal-deemed", nameof(Application), application.Id.ToString(), $"{application.Number}：{Application.DeemedDecider}（原证 {application.RenewsPermit} 有效期至 {application.RenewalLastDay:yyyy-MM-dd}）");
            notifier.Tell(Mailboxes.Company(application.Uscc), $"{application.Number}：{Application.DeemedDecider}", $"您对证照 {application.RenewsPermit} 的延续申请在有效期届满前未获决定，依法视为准予延续。", $"/Licensing/Application/{application.Id}");

            // RenewPermit saves the permit's next period together with the application closed above; when another
            // instance (or an officer) got there first, the save is refused as stale and nothing of this one is kept.
            var renewed = await renew.HandleAsync(new(application.RenewsPermit!, application.SubmittedOn!.Value, RenewalBasis.Deemed, Actor.System), cancellationToken);
            deemed += renewed.IsSuccess ? 1 : 0;
        }

        db.ChangeTracker.Clear();
        return deemed;
    }

    private async Task<int> RescheduleAsync(CancellationToken cancellationToken)
    {
        var undated = await db.Applications
            .Where(a => a.DueOn == null && (a.State == ApplicationState.Submitted || a.State == ApplicationState.Accepted || a.State == ApplicationState.AwaitingSignOff))
            .ToListAsync(cancellationToken);
        if (undated.Count == 0)
        {
            return 0;
        }

        var calendar = await calendars.GetAsync(db, cancellationToken);
        var today = ChinaTime.Today(time);
        undated.ForEach(a => a.Reschedule(calendar, today));
        db.Record(Actor.System, time, "licensing.due-dates-set", nameof(Application), "*", $"为 {undated.Count} 件在办申请补记应办日期");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An officer acted meanwhile (and set the date); the next sweep picks up whatever is left.
            db.ChangeTracker.Clear();
            return 0;
        }

        return undated.Count;
    }
}

/// <summary>Runs the licensing sweep every quarter of an hour on every instance, the first pass with the backfill.</summary>
public sealed class LicensingSweepService(IServiceScopeFactory scopes, TimeProvider time, ILogger<LicensingSweepService> logger) : PeriodicService(scopes, time, logger)
{
    private bool _backfilled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(15);

    protected override async Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<LicensingSweep>().RunAsync(backfill: !_backfilled, cancellationToken);
        _backfilled = true;
    }
}
