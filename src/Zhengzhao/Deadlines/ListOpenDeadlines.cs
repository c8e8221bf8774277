using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Deadlines;

/// <summary>
/// The platform's one list of open deadlines: every module's, overdue and earliest first. A department reads its
/// own, a company its own, those who oversee every department any department's or all; the warning sweep reads the
/// warned ones of all.
/// </summary>
public sealed class ListOpenDeadlines(ZhengzhaoDbContext db, IEnumerable<IDeadlineSource> sources, TimeProvider time) : IUseCase
{
    public const int DefaultDaysAhead = 30;
    public const int MaxDaysAhead = 366;
    public const int DefaultLimit = 200;

    /// <summary>
    /// Whose deadlines the caller may read: its department's (and a window clerk's window, what the window of its
    /// region must receive), its company's, or (overseeing) any department's.
    /// </summary>
    public sealed record Reader(string? DepartmentCode, string? Uscc, bool OverseesAll)
    {
        public string? WindowRegion { get; init; }

        /// <summary>The platform itself, for its sweeps.</summary>
        public static Reader System { get; } = new(null, null, true);
    }

    /// <param name="DepartmentCode">One department's; for a reader who is not overseeing, only its own.</param>
    /// <param name="DaysAhead">Calendar days ahead of today; every overdue deadline is listed too.</param>
    public sealed record Query(string? DepartmentCode = null, int DaysAhead = DefaultDaysAhead, bool WarnedOnly = false, int Limit = DefaultLimit);

    public async Task<Result<IReadOnlyList<OpenDeadline>>> HandleAsync(Query query, Reader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(reader);
        if (query.DaysAhead is < 0 or > MaxDaysAhead)
        {
            return DeadlineRefusals.DaysAheadOutOfRange;
        }

        var department = string.IsNullOrWhiteSpace(query.DepartmentCode) ? null : query.DepartmentCode.Trim();
        var scope = ScopeOf(reader, department);
        if (!scope.IsSuccess)
        {
            return scope.Refusal;
        }

        // Only those who may read any department's learn whether a code names one.
        if (department is not null && !await db.Departments.AnyAsync(d => d.Code == department, cancellationToken))
        {
            return DeadlineRefusals.DepartmentNotFound(department);
        }

        var today = ChinaTime.Today(time);
        var window = scope.Value with { Today = today, DueBy = today.AddDays(query.DaysAhead), WarnedOnly = query.WarnedOnly };
        var open = new List<OpenDeadline>();
        foreach (var source in sources)
        {
            open.AddRange(await source.OpenAsync(window, query.Limit, cancellationToken));
        }

        return open.Where(d => d.Warned || !query.WarnedOnly).OrderBy(d => d.DueOn).ThenByDescending(d => d.Light).ThenBy(d => d.Reference, StringComparer.Ordinal).Take(query.Limit).ToList();
    }

    private static Result<DeadlineWindow> ScopeOf(Reader reader, string? department)
    {
        if (reader.OverseesAll)
        {
            return new DeadlineWindow(default, default, department, null, false);
        }

        if (reader.DepartmentCode is { } own)
        {
            return department is null || department == own ? new DeadlineWindow(default, default, own, null, false) { WindowRegion = reader.WindowRegion } : DeadlineRefusals.OtherDepartment;
        }

        // A company sees the periods it has itself, across every department, and asks for no department's.
        return reader.Uscc is not { } uscc ? DeadlineRefusals.NoScope
            : department is null ? new DeadlineWindow(default, default, null, uscc, false)
            : DeadlineRefusals.CompanyOwnOnly;
    }
}
