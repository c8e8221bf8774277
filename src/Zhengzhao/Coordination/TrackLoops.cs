using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

/// <summary>
/// 双跟踪: every pushed company followed until its loop closes, overdue and red first. A department follows the
/// pushes it approves and those it was copied on (industry authority, local office); the registrar and the oversight
/// office follow all.
/// </summary>
public sealed class TrackLoops(ZhengzhaoDbContext db, CalendarCache calendars, TimeProvider time) : IUseCase
{
    /// <summary>Null department: every department's loops; a company code narrows to that company's.</summary>
    public sealed record Query(string? DepartmentCode, bool IncludeClosed, string? Uscc = null);

    public sealed record Line(Push Push, string CompanyName, string ItemName, TrafficLight Light, int WorkdaysOpen, DateOnly DueOn, bool Overdue);

    public async Task<IReadOnlyList<Line>> ListAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var today = ChinaTime.Today(time);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var pushes = db.Pushes.Where(p => p.State != PushState.Redispatched);
        if (query.DepartmentCode is { } department)
        {
            pushes = pushes.Where(p => p.DepartmentCode == department || db.PushCopies.Any(c => c.PushId == p.Id && c.DepartmentCode == department));
        }

        if (query.Uscc is { } uscc)
        {
            pushes = pushes.Where(p => p.Uscc == uscc);
        }

        if (!query.IncludeClosed)
        {
            pushes = pushes.Where(p => p.LoopClosedOn == null);
        }

        var rows = await PushViews.WithNamesAsync(db, pushes, cancellationToken);
        return rows
            .Select(r =>
            {
                var end = r.Push.LoopClosedOn ?? today;
                var due = PushRules.LoopDueOn(calendar, r.Push.RegionCode, r.Push.PushedOn, r.Item.CommittedLimitDays);
                return new Line(r.Push, r.CompanyName, r.Item.Name, r.Push.TimelinessOn(calendar, today), calendar.WorkdaysBetween(r.Push.PushedOn, end, r.Push.RegionCode), due, end > due);
            })
            .OrderBy(l => !l.Push.IsLoopOpen).ThenByDescending(l => l.Overdue).ThenByDescending(l => l.Light).ThenBy(l => l.Push.PushedOn)
            .ToList();
    }
}
