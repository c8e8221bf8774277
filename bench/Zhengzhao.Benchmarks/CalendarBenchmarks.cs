using BenchmarkDotNet.Attributes;
using Zhengzhao.Calendar;

namespace Zhengzhao.Benchmarks;

/// <summary>
/// Due-date arithmetic over the shipped national and Tibetan tables. The baseline is the obvious implementation,
/// a day-by-day walk over a set of announced days, which the prefix counts of <see cref="WorkCalendar"/> replace.
/// </summary>
[MemoryDiagnoser]
public class CalendarBenchmarks
{
    private static readonly DateOnly From = new(2023, 2, 10);

    private WorkCalendar _calendar = null!;
    private Dictionary<DateOnly, bool> _announced = null!;

    /// <summary>20: the statutory decision limit; 250: about a year; 2500: the API's far end.</summary>
    [Params(20, 250, 2500)]
    public int Days { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var days = CalendarSeeder.ShippedNotices()
            .SelectMany(n => n.Notice.Days.Select(d => new CalendarDay(n.Layer, n.Notice.Year, d.Date, d.Name, d.IsOffDay)))
            .ToList();
        _calendar = new WorkCalendar(days);

        // The naive walk sees the same Tibetan calendar: national days with the regional ones laid over them.
        _announced = [];
        foreach (var day in days.OrderBy(d => d.Layer == CalendarLayers.National ? 0 : 1))
        {
            _announced[day.Date] = !day.IsOffDay;
        }
    }

    [Benchmark(Baseline = true)]
    public DateOnly AddWorkdaysDayByDayWalk()
    {
        var date = From;
        var left = Days;
        while (left > 0)
        {
            date = date.AddDays(1);
            var working = _announced.TryGetValue(date, out var announced)
                ? announced
                : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            if (working)
            {
                left--;
            }
        }

        return date;
    }

    [Benchmark]
    public DateOnly AddWorkdaysPrefixCounts() => _calendar.AddWorkdays(From, Days, "540100");

    [Benchmark]
    public int WorkdaysBetweenPrefixCounts() => _calendar.WorkdaysBetween(From, From.AddDays(Days), "540100");
}

/// <summary>The one-off cost of building the calendar from every announced day (once per process and per edit).</summary>
[MemoryDiagnoser]
public class CalendarBuildBenchmarks
{
    private List<CalendarDay> _days = null!;

    [GlobalSetup]
    public void Setup() =>
        _days = CalendarSeeder.ShippedNotices()
            .SelectMany(n => n.Notice.Days.Select(d => new CalendarDay(n.Layer, n.Notice.Year, d.Date, d.Name, d.IsOffDay)))
            .ToList();

    [Benchmark]
    public WorkCalendar Build() => new(_days);
}
