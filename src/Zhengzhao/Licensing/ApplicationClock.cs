using Zhengzhao.Calendar;
using Zhengzhao.Common;

namespace Zhengzhao.Licensing;

/// <summary>Why the clock stopped: time the law does not count against the department (行政许可法 第四十五条).</summary>
public enum PauseKind
{
    /// <summary>补正: the applicant is supplying missing materials.</summary>
    Supplement,

    /// <summary>检验、检测、检疫.</summary>
    Testing,

    /// <summary>专家评审.</summary>
    ExpertReview,

    /// <summary>听证.</summary>
    Hearing,
}

/// <summary>One stop of the clock, from the day it was told to the applicant to the day the cause ended (open while it lasts).</summary>
public sealed record ClockPause(PauseKind Kind, DateOnly From, DateOnly? To, string Reason);

/// <summary>Where an application's clock stands on a day. Overdue is read from here, never stored.</summary>
public sealed record ClockReading(DateOnly StatutoryDue, DateOnly CommittedDue, int PausedWorkdays, bool IsPaused, int WorkdaysLeft, bool PastCommitted, bool PastStatutory)
{
    /// <summary>透明审批: the day each published step is due, its limit counted on from the previous one's (pauses included).</summary>
    public IReadOnlyList<DateOnly> StepsDue { get; init; } = [];

    /// <summary>The worklist's light: red once past the committed limit, yellow within three working days of it.</summary>
    public TrafficLight Light => PastCommitted ? TrafficLight.Red : WorkdaysLeft <= 3 ? TrafficLight.Yellow : TrafficLight.Green;
}

/// <summary>
/// The working-day clock of an application: from acceptance, the statutory and committed limits, plus every paused
/// working day, plus the one extension, in the calendar of the application's region. Pure: the calendar and the
/// ledger in, the reading out.
/// </summary>
public static class ApplicationClock
{
    public static ClockReading Read(WorkCalendar calendar, string region, DateOnly acceptedOn, ClockLimits limits, IReadOnlyCollection<ClockPause> pauses, DateOnly asOf, IReadOnlyList<Catalog.ItemStep>? steps = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(pauses);

        // An open pause keeps the deadlines moving with the day; a closed one adds its working days once.
        var paused = pauses.Sum(p => Math.Max(0, calendar.WorkdaysBetween(p.From, p.To ?? asOf, region)));
        var statutory = calendar.AddWorkdays(acceptedOn, limits.StatutoryDays + limits.ExtensionDays + paused, region);
        var committed = calendar.AddWorkdays(acceptedOn, limits.CommittedDays + limits.ExtensionDays + paused, region);
        return new ClockReading(
            statutory,
            committed,
            paused,
            pauses.Any(p => p.To is null),
            calendar.WorkdaysBetween(asOf, committed, region),
            asOf > committed,
            asOf > statutory)
        {
            StepsDue = [.. (steps ?? []).Select((_, i) => calendar.AddWorkdays(acceptedOn, steps!.Take(i + 1).Sum(s => s.LimitDays) + paused, region))],
        };
    }
}

/// <summary>The limits an application runs under, pinned from the item version it was filed under, and its extension.</summary>
public sealed record ClockLimits(int StatutoryDays, int CommittedDays, int ExtensionDays = 0);
