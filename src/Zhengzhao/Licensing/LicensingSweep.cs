using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>
/// What Licensing does on its own as days pass: gives a due date to any open application that has none (those
/// filed before the worklist kept one), and warns of coming deadlines. Safe to run on every instance at once.
/// </summary>
public sealed class LicensingSweep(ZhengzhaoDbContext db, CalendarCache calendars, SendClockWarnings warnings, TimeProvider time) : IUseCase
{
    public sealed record Outcome(int Rescheduled, int Warned);

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken = default)
    {
        var rescheduled = await RescheduleAsync(cancellationToken);
        return new Outcome(rescheduled, await warnings.RunAsync(cancellationToken));
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

/// <summary>Runs the licensing sweep every quarter of an hour on every instance.</summary>
public sealed class LicensingSweepService(IServiceScopeFactory scopes, TimeProvider time, ILogger<LicensingSweepService> logger) : PeriodicService(scopes, time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(15);

    protected override Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<LicensingSweep>().RunAsync(cancellationToken);
}
