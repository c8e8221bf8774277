using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Deadlines;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

/// <summary>
/// Coordination's open deadlines, one a push: claiming it (认领, the claim light's red line) while it waits, and
/// closing its loop (闭环: the claim window plus the item's committed limit) once claimed.
/// </summary>
public sealed class PushDeadlines(ZhengzhaoDbContext db, CalendarCache calendars) : IDeadlineSource
{
    public async Task<IReadOnlyList<OpenDeadline>> OpenAsync(DeadlineWindow window, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        // A company follows its pushes on its own loop panel: claiming and closing are the departments' to keep.
        if (window.WarnedOnly || window.Uscc is not null)
        {
            return [];
        }

        var calendar = await calendars.GetAsync(db, cancellationToken);

        // Both deadlines fall after the push, so the day it was pushed bounds the candidates; and as each is a number
        // of working days from the push, the earliest pushed are the earliest due (a loop's limit also varies with its
        // item, so among loops the order is the push's), which lets the index on the push date read at most the limit.
        var pushes = db.Pushes.Where(p => p.LoopClosedOn == null && p.PushedOn <= window.DueBy);
        if (window.DepartmentCode is { } department)
        {
            pushes = pushes.Where(p => p.DepartmentCode == department);
        }

        var rows = new List<PushViews.Row>();
        foreach (var state in new[] { PushState.Pending, PushState.Claimed })
        {
            rows.AddRange(await PushViews.WithNamesAsync(db, pushes.Where(p => p.State == state).OrderBy(p => p.PushedOn).ThenBy(p => p.Id).Take(limit), cancellationToken));
        }

        return rows.Select(r => Deadline(calendar, r, window.Today)).Where(d => d.DueOn <= window.DueBy).OrderBy(d => d.DueOn).Take(limit).ToList();
    }

    private static OpenDeadline Deadline(WorkCalendar calendar, PushViews.Row row, DateOnly today)
    {
        var push = row.Push;
        var pending = push.State == PushState.Pending;
        var dueOn = pending
            ? calendar.AddWorkdays(push.PushedOn, PushRules.YellowUpTo, push.RegionCode)
            : PushRules.LoopDueOn(calendar, push.RegionCode, push.PushedOn, row.Item.CommittedLimitDays);
        return new()
        {
            Kind = pending ? "coordination.claim" : "coordination.loop",
            What = pending ? "认领时限" : "闭环时限",
            SubjectId = push.Id,
            Reference = row.CompanyName,
            Title = $"{row.CompanyName} · {row.Item.Name}",
            Link = pending ? "/Coordination/Inbox" : "/Coordination/Tracking",
            Party = DeadlineParty.Department,
            DepartmentCode = push.DepartmentCode,
            Uscc = push.Uscc,
            RegionCode = push.RegionCode,
            DueOn = dueOn,
            Clock = DeadlineClock.WorkingDays,
            Light = pending ? push.TimelinessOn(calendar, today) : DeadlineRules.Light(calendar, push.RegionCode, dueOn, today),
        };
    }
}
