using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Calendar;

/// <summary>What each layer has published, the days of one layer's year, and whether next year's national table is missing.</summary>
public sealed class GetCalendarOverview(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public sealed record Query(string Layer, int Year);

    public sealed record LayerYears(string Layer, string LayerName, IReadOnlyList<CalendarYear> Years);

    public sealed record Overview(IReadOnlyList<LayerYears> Layers, IReadOnlyList<CalendarDay> Days, string? MissingYearWarning);

    public async Task<Overview> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var years = await db.CalendarYears.AsNoTracking().ToListAsync(cancellationToken);
        var layerCodes = years.Select(y => y.Layer).Append(CalendarLayers.National).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => layerCodes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        var layers = layerCodes
            .Select(code => new LayerYears(code, code == CalendarLayers.National ? "全国" : names.GetValueOrDefault(code, code), years.Where(y => y.Layer == code).OrderByDescending(y => y.Year).ToList()))
            .OrderBy(l => l.Layer == CalendarLayers.National ? string.Empty : l.Layer, StringComparer.Ordinal)
            .ToList();

        // Days are listed by calendar year, which for late December is not the notice year.
        var first = new DateOnly(query.Year, 1, 1);
        var last = new DateOnly(query.Year, 12, 31);
        var days = await db.CalendarDays.AsNoTracking()
            .Where(d => d.Layer == query.Layer && d.Date >= first && d.Date <= last)
            .OrderBy(d => d.Date)
            .ToListAsync(cancellationToken);

        return new Overview(layers, days, MissingYearWarning(years, ChinaTime.Today(time).Year));
    }

    /// <summary>The warning shown on the administrator's home page; null when next year's national table is in.</summary>
    public static string? MissingYearWarning(IEnumerable<CalendarYear> years, int currentYear)
    {
        var next = currentYear + 1;
        return years.Any(y => y.Layer == CalendarLayers.National && y.Year == next)
            ? null
            : $"尚未录入 {next} 年全国节假日安排：{next} 年的办理时限将只按周末计算。国务院办公厅公布后请在“工作日历”中导入。";
    }
}
