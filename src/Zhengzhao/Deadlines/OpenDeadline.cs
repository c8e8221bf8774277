using Zhengzhao.Common;

namespace Zhengzhao.Deadlines;

/// <summary>Which clock a deadline counts on.</summary>
public enum DeadlineClock
{
    /// <summary>Working days of the region's calendar (行政许可法 第八十二条: 期限以工作日计算).</summary>
    WorkingDays,

    /// <summary>Calendar days; where the law says so, a last day that is a day off moves to the next working day.</summary>
    CalendarDays,
}

/// <summary>Who must act by the deadline.</summary>
public enum DeadlineParty
{
    /// <summary>The department (and, where one is named, its first-responsible officer).</summary>
    Department,

    /// <summary>The company: a period the law leaves it to act in.</summary>
    Company,

    /// <summary>The comprehensive window (一窗受理) of the company's region, which receives for every department.</summary>
    Window,
}

/// <summary>
/// One deadline still open, as the module that owns the matter reads it from its own state today: what is due, by whom,
/// on which day, on which clock. Warnings, the worklists' lights, risk warnings and oversight cards read these.
/// </summary>
public sealed record OpenDeadline
{
    /// <summary>A stable code of the rule, such as <c>licensing.committed</c>: the key warnings are sent once under.</summary>
    public required string Kind { get; init; }

    /// <summary>What the deadline is, as people say it (承诺期限, 认领时限…).</summary>
    public required string What { get; init; }

    /// <summary>The matter the deadline belongs to (an application, a push, a listing).</summary>
    public required Guid SubjectId { get; init; }

    /// <summary>What people quote for the matter: an application number, a decision number, a company's name.</summary>
    public required string Reference { get; init; }

    /// <summary>The matter in a phrase, for a list or a message.</summary>
    public required string Title { get; init; }

    /// <summary>The page where whoever must act does so.</summary>
    public required string Link { get; init; }

    public required DeadlineParty Party { get; init; }

    /// <summary>The department that acts, or whose decision the company's period runs against.</summary>
    public required string DepartmentCode { get; init; }

    /// <summary>首办责任人, once one is named; null where the matter has none yet or the rule names none.</summary>
    public string? Owner { get; init; }

    public required string Uscc { get; init; }

    /// <summary>The region whose calendar counts the working days.</summary>
    public required string RegionCode { get; init; }

    public required DateOnly DueOn { get; init; }

    public required DeadlineClock Clock { get; init; }

    public required TrafficLight Light { get; init; }

    /// <summary>Whether the platform warns of it (a few working days before, and once past): the application clocks today.</summary>
    public bool Warned { get; init; }
}
