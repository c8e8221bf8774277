using Zhengzhao.Calendar;

namespace Zhengzhao.Tests.Calendar;

/// <summary>The working-day calendar the platform ships (national and Tibetan notices), as every rule test reads it.</summary>
internal static class ShippedCalendar
{
    public static readonly WorkCalendar Instance = new(
        CalendarSeeder.ShippedNotices().SelectMany(n => n.Notice.Days.Select(d => new CalendarDay(n.Layer, n.Notice.Year, d.Date, d.Name, d.IsOffDay))));
}
