using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

public enum StatisticsGrouping
{
    Department,

    /// <summary>By prefecture (地市): the company's region code rolled up to its city.</summary>
    Region,
}

/// <summary>
/// How the loop performs, per department or per prefecture, for pushes made in a date range: pushed, claimed,
/// claim rate, returned, average working days to claim, loops open and closed. Also as an .xlsx workbook.
/// </summary>
public sealed class CoordinationStatistics(ZhengzhaoDbContext db, CalendarCache calendars) : IUseCase
{
    public const int MaxRangeDays = 366 * 5;

    public sealed record Query(DateOnly From, DateOnly To, StatisticsGrouping By);

    public sealed record Row(string Key, string Name, int Pushed, int Claimed, int Returned, double? AverageWorkdaysToClaim, int LoopsOpen, int LoopsClosed)
    {
        public double ClaimRate => Pushed == 0 ? 0 : (double)Claimed / Pushed;
    }

    public sealed record Report(Query Query, IReadOnlyList<Row> Rows, Row Total);

    public async Task<Result<Report>> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.From > query.To || query.To.DayNumber - query.From.DayNumber > MaxRangeDays || !Enum.IsDefined(query.By))
        {
            return CoordinationRefusals.InvalidStatisticsRange;
        }

        var calendar = await calendars.GetAsync(db, cancellationToken);
        var pushes = await db.Pushes.AsNoTracking()
            .Where(p => p.PushedOn >= query.From && p.PushedOn <= query.To)
            .Select(p => new { p.DepartmentCode, p.RegionCode, p.State, p.PushedOn, p.AnsweredOn, p.LoopClosedOn })
            .ToListAsync(cancellationToken);
        var names = query.By == StatisticsGrouping.Department
            ? await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken)
            : await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);

        var facts = pushes.Select(p => new Fact(
            query.By == StatisticsGrouping.Department ? p.DepartmentCode : Prefecture(p.RegionCode),
            p.State,
            p.State == PushState.Claimed ? calendar.WorkdaysBetween(p.PushedOn, p.AnsweredOn!.Value, p.RegionCode) : null,
            p.LoopClosedOn is null && p.State != PushState.Redispatched)).ToList();
        var rows = facts.GroupBy(f => f.Key)
            .Select(g => Summarise(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.ToList()))
            .OrderByDescending(r => r.Pushed).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        return new Report(query, rows, Summarise(string.Empty, "合计", facts));
    }

    /// <summary>The report as a workbook, with the column names of the page; a name that looks like a formula stays text.</summary>
    public static async Task<byte[]> ToWorkbookAsync(Report report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var grouping = report.Query.By == StatisticsGrouping.Department ? "部门" : "地区";
        var rows = report.Rows.Append(report.Total).Select(r => new Dictionary<string, object?>
        {
            [grouping] = SheetText.Neutralise(r.Name),
            ["推送数"] = r.Pushed,
            ["认领数"] = r.Claimed,
            ["认领率"] = Math.Round(r.ClaimRate, 4),
            ["回退数"] = r.Returned,
            ["平均认领用时（工作日）"] = r.AverageWorkdaysToClaim is { } days ? Math.Round(days, 1) : null,
            ["未闭环"] = r.LoopsOpen,
            ["已闭环"] = r.LoopsClosed,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: $"{report.Query.From:yyyyMMdd}-{report.Query.To:yyyyMMdd}按{grouping}", cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    /// <summary>地市 code of a region: the first four digits; the autonomous region itself stays as it is.</summary>
    public static string Prefecture(string region) => region.EndsWith("0000", StringComparison.Ordinal) ? region : string.Concat(region.AsSpan(0, 4), "00");

    private static Row Summarise(string key, string name, IReadOnlyCollection<Fact> facts)
    {
        var claimDays = facts.Where(f => f.WorkdaysToClaim is not null).Select(f => f.WorkdaysToClaim!.Value).ToList();
        return new Row(
            key,
            name,
            facts.Count,
            claimDays.Count,
            facts.Count(f => f.State is PushState.Returned or PushState.Redispatched or PushState.Closed),
            claimDays.Count == 0 ? null : claimDays.Average(),
            facts.Count(f => f.LoopOpen),
            facts.Count(f => !f.LoopOpen && f.State != PushState.Redispatched));
    }

    private sealed record Fact(string Key, PushState State, int? WorkdaysToClaim, bool LoopOpen);
}
