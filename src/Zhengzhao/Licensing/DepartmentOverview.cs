using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>
/// What the department head watches (部门负责人): the applications past a limit, the extensions waiting for approval,
/// and the recent hand-overs of first responsibility, from the ledger of record (the audit trail).
/// </summary>
public sealed class DepartmentOverview(ZhengzhaoDbContext db, CalendarCache calendars, TimeProvider time) : IUseCase
{
    public const int Limit = 200;

    /// <summary>The audit action of a hand-over (see <see cref="HandOverApplication"/>).</summary>
    public const string HandedOver = "licensing.handed-over";

    /// <summary>An application past its acceptance or committed limit, with its clock (none before acceptance).</summary>
    public sealed record Late(Application Application, ClockReading? Clock, int WorkdaysLate);

    public sealed record HandOver(DateTime At, string By, Guid ApplicationId, string Summary);

    public sealed record Overview(IReadOnlyList<Late> Overdue, IReadOnlyList<Application> ExtensionRequests, IReadOnlyList<HandOver> HandOvers);

    public async Task<Overview> ForAsync(string departmentCode, CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(time);
        var calendar = await calendars.GetAsync(db, cancellationToken);

        // The stored due date is never later than the clock's, so it finds every late one; the clock then decides.
        var candidates = await db.Applications.AsNoTracking()
            .Where(a => a.DepartmentCode == departmentCode && a.DueOn != null && a.DueOn < today)
            .OrderBy(a => a.DueOn).ThenBy(a => a.Id).Take(Limit * 2)
            .ToListAsync(cancellationToken);
        var overdue = candidates.Select(Lateness).Where(l => l.Clock?.PastCommitted ?? l.WorkdaysLate > 0).Take(Limit).ToList();

        var requests = await db.Applications.AsNoTracking()
            .Where(a => a.DepartmentCode == departmentCode && a.DueOn != null && a.ExtensionRequest != null)
            .OrderBy(a => a.DueOn).Take(Limit)
            .ToListAsync(cancellationToken);

        return new Overview(overdue, requests, await HandOversAsync(departmentCode, cancellationToken));

        // Under review, late by its clock; before acceptance, by the five days to answer a submission.
        Late Lateness(Application a)
        {
            if (a.AcceptedOn is not { } accepted)
            {
                return new Late(a, null, calendar.WorkdaysBetween(a.DueOn!.Value, today, a.RegionCode));
            }

            var clock = ApplicationClock.Read(calendar, a.RegionCode, accepted, a.Limits, a.Pauses, today);
            return new Late(a, clock, -clock.WorkdaysLeft);
        }
    }

    /// <summary>The latest hand-overs of the department's applications, as the audit trail recorded them.</summary>
    private async Task<List<HandOver>> HandOversAsync(string departmentCode, CancellationToken cancellationToken)
    {
        var entries = await db.AuditTrail()
            .Where(e => e.Action == HandedOver)
            .OrderByDescending(e => e.Sequence).Take(Limit * 5)
            .Select(e => new { e.Time, e.Actor, e.EntityId, e.Summary })
            .ToListAsync(cancellationToken);
        var parsed = entries.Select(e => (Entry: e, Id: Guid.TryParse(e.EntityId, out var id) ? id : Guid.Empty)).ToList();
        var ids = parsed.Select(p => p.Id).Distinct().ToList();
        var ours = (await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id) && a.DepartmentCode == departmentCode).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
        return [.. parsed.Where(p => ours.Contains(p.Id)).Take(50).Select(p => new HandOver(p.Entry.Time, p.Entry.Actor, p.Id, p.Entry.Summary))];
    }
}
