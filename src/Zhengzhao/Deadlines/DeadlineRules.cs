using Zhengzhao.Calendar;
using Zhengzhao.Common;

namespace Zhengzhao.Deadlines;

/// <summary>What every deadline shares, whichever module keeps it: its light and the days it is warned on.</summary>
public static class DeadlineRules
{
    /// <summary>Yellow from this many working days before the due date.</summary>
    public const int YellowWithin = 3;

    /// <summary>The lead of the notice that a deadline has passed (逾期), sent the first time a sweep finds it so.</summary>
    public const int PastDue = 0;

    /// <summary>Red once past, yellow within <see cref="YellowWithin"/> working days of it, green before.</summary>
    public static TrafficLight Light(WorkCalendar calendar, string region, DateOnly dueOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return today > dueOn ? TrafficLight.Red
            : calendar.WorkdaysBetween(today, dueOn, region) <= YellowWithin ? TrafficLight.Yellow
            : TrafficLight.Green;
    }

    /// <summary>
    /// The warnings a deadline is due on a day: each lead (working days before it, e.g. 3 and 1) once the day has
    /// reached the warning date and until the due date, and <see cref="PastDue"/> once it has passed. The sender keeps
    /// each (deadline, due date, lead) once, so a lead missed on a day off is sent on the next sweep.
    /// </summary>
    public static IReadOnlyList<int> WarningsDue(WorkCalendar calendar, string region, DateOnly dueOn, IReadOnlyCollection<int> leads, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(leads);
        return today > dueOn ? [PastDue]
            : [.. leads.Where(lead => lead > 0 && today >= calendar.AddWorkdays(dueOn, -lead, region)).Distinct()];
    }

    public static string Name(DeadlineClock clock) => clock == DeadlineClock.WorkingDays ? "工作日" : "自然日";

    public static string Name(DeadlineParty party) => party switch
    {
        DeadlineParty.Department => "部门",
        DeadlineParty.Window => "窗口",
        _ => "企业",
    };
}
