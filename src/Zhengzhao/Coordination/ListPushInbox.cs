using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

/// <summary>
/// A department's inbox of pushes (推送认领): pending first, then open loops, red lights first. A department sees
/// only its own.
/// </summary>
public sealed class ListPushInbox(ZhengzhaoDbContext db, CalendarCache calendars, TimeProvider time) : IUseCase
{
    public sealed record Line(Push Push, string CompanyName, string ItemName, TrafficLight Light, int WorkdaysWaiting);

    public async Task<IReadOnlyList<Line>> HandleAsync(string departmentCode, CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(time);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var rows = await PushViews.WithNamesAsync(db, db.Pushes.Where(p => p.DepartmentCode == departmentCode), cancellationToken);
        return rows
            .Select(r => new Line(r.Push, r.CompanyName, r.Item.Name, r.Push.TimelinessOn(calendar, today), calendar.WorkdaysBetween(r.Push.PushedOn, r.Push.AnsweredOn ?? today, r.Push.RegionCode)))
            .OrderBy(l => l.Push.State != PushState.Pending).ThenBy(l => !l.Push.IsLoopOpen).ThenByDescending(l => l.Light).ThenBy(l => l.Push.PushedOn)
            .ToList();
    }
}
