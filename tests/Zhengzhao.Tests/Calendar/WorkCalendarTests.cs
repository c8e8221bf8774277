using Zhengzhao.Calendar;

namespace Zhengzhao.Tests.Calendar;

/// <summary>The working-day rules, over the real shipped national and Tibetan tables.</summary>
public sealed class WorkCalendarTests
{
    private static readonly WorkCalendar Shipped = ShippedCalendar.Instance;

    [Theory]
    [InlineData("2023-01-02", null, false, "元旦")] // a Monday off for New Year
    [InlineData("2023-01-28", null, true, "春节")] // a Saturday made a working day
    [InlineData("2023-03-01", null, true, null)] // an ordinary Wednesday
    [InlineData("2023-03-04", null, false, null)] // an ordinary Saturday
    [InlineData("2022-12-31", null, false, "元旦")] // kept in 2023.json, the next year's file
    [InlineData("2025-01-01", null, false, "元旦")]
    [InlineData("2026-10-01", null, false, "国庆节")]
    [InlineData("2023-02-20", null, true, null)] // national: an ordinary Monday ...
    [InlineData("2023-02-20", "540000", false, "藏历新年")] // ... but Tibetan New Year in Tibet
    [InlineData("2023-02-20", "540100", false, "藏历新年")] // a city without its own layer uses the region's
    [InlineData("2023-02-20", "540172", false, "藏历新年")] // and so does the pilot zone
    [InlineData("2023-02-18", "540100", true, "藏历新年")] // a Saturday worked in Lhasa for the Tibetan New Year
    [InlineData("2023-02-18", null, false, null)] // the same Saturday is a rest day elsewhere
    [InlineData("2026-02-24", "540102", false, "藏历新年")]
    [InlineData("2026-02-24", "310110", true, null)] // Shanghai follows the national calendar
    public void Tells_working_days_and_names_by_region(string date, string? region, bool workday, string? name)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(workday, Shipped.IsWorkday(day, region));
        Assert.Equal(name, Shipped.NameOf(day, region));
    }

    [Theory]
    [InlineData("2023-03-01", 0, null, "2023-03-01")] // zero returns the start itself
    [InlineData("2023-03-03", 1, null, "2023-03-06")] // Friday + 1 skips the weekend
    [InlineData("2023-03-04", 1, null, "2023-03-06")] // counting from a Saturday starts on Monday
    [InlineData("2023-09-28", 1, null, "2023-10-07")] // over the National Day week to the make-up Saturday
    [InlineData("2023-09-28", 2, null, "2023-10-08")] // and the make-up Sunday
    [InlineData("2023-09-28", 3, null, "2023-10-09")]
    [InlineData("2022-12-30", 1, null, "2023-01-03")] // New Year's days from the next year's file
    [InlineData("2023-02-17", 1, "540100", "2023-02-18")] // Lhasa works that Saturday
    [InlineData("2023-02-17", 2, "540100", "2023-02-19")]
    [InlineData("2023-02-17", 3, "540100", "2023-02-27")] // then a week of Tibetan New Year
    [InlineData("2023-02-17", 3, null, "2023-02-22")] // nationally the same span is ordinary
    [InlineData("2018-07-20", 20, "540172", "2018-08-17")] // a statutory limit from the pilot's first day
    public void Adds_working_days_from_the_day_after(string from, int days, string? region, string expected)
    {
        var start = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Shipped.AddWorkdays(start, days, region));
    }

    [Theory]
    [InlineData("2023-03-06", -1, null, "2023-03-03")] // Monday − 1 is Friday
    [InlineData("2023-10-09", -3, null, "2023-09-28")]
    public void Counts_backwards_for_warnings_before_a_deadline(string from, int days, string? region, string expected)
    {
        var start = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Shipped.AddWorkdays(start, days, region));
    }

    [Theory]
    [InlineData("2023-09-28", "2023-10-09", null, 3)]
    [InlineData("2023-03-01", "2023-03-01", null, 0)]
    [InlineData("2023-03-06", "2023-03-03", null, -1)]
    [InlineData("2023-02-17", "2023-02-27", "540100", 3)]
    public void Counts_working_days_between_two_dates(string a, string b, string? region, int expected)
    {
        var first = DateOnly.Parse(a, System.Globalization.CultureInfo.InvariantCulture);
        var second = DateOnly.Parse(b, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, Shipped.WorkdaysBetween(first, second, region));
    }

    [Fact]
    public void Adding_and_counting_are_inverse_over_every_day_of_a_year()
    {
        for (var day = new DateOnly(2023, 1, 1); day.Year == 2023; day = day.AddDays(1))
        {
            foreach (var n in new[] { 1, 5, 20, 45 })
            {
                var due = Shipped.AddWorkdays(day, n, "540100");
                Assert.Equal(n, Shipped.WorkdaysBetween(day, due, "540100"));
                Assert.True(Shipped.IsWorkday(due, "540100"));
            }
        }
    }

    [Fact]
    public void Matches_a_day_by_day_walk()
    {
        var start = new DateOnly(2019, 12, 20);
        var walked = start;
        for (var n = 1; n <= 400; n++)
        {
            do
            {
                walked = walked.AddDays(1);
            }
            while (!Shipped.IsWorkday(walked, "540000"));

            Assert.Equal(walked, Shipped.AddWorkdays(start, n, "540000"));
        }
    }

    [Theory]
    [InlineData("540102", new[] { "540102", "540100", "540000", "000000" })]
    [InlineData("540100", new[] { "540100", "540000", "000000" })]
    [InlineData("540000", new[] { "540000", "000000" })]
    [InlineData(null, new[] { "000000" })]
    public void A_region_falls_back_up_its_code(string? region, string[] expected) =>
        Assert.Equal(expected, CalendarLayers.Ancestry(region));

    [Fact]
    public void A_regional_layer_overrides_the_national_day_on_the_same_date()
    {
        var calendar = new WorkCalendar(
        [
            new CalendarDay(CalendarLayers.National, 2030, new DateOnly(2030, 8, 10), "测试", isOffDay: false), // a Saturday worked nationally
            new CalendarDay("540000", 2030, new DateOnly(2030, 8, 10), "雪顿节", isOffDay: true), // but Tibet rests
        ]);

        Assert.True(calendar.IsWorkday(new DateOnly(2030, 8, 10)));
        Assert.False(calendar.IsWorkday(new DateOnly(2030, 8, 10), "540600"));
        Assert.Equal("雪顿节", calendar.NameOf(new DateOnly(2030, 8, 10), "540600"));
    }

    [Fact]
    public void A_city_layer_of_its_own_keeps_the_regions_days()
    {
        var days = CalendarSeeder.ShippedNotices()
            .SelectMany(n => n.Notice.Days.Select(d => new CalendarDay(n.Layer, n.Notice.Year, d.Date, d.Name, d.IsOffDay)))
            .Append(new CalendarDay("540100", 2023, new DateOnly(2023, 8, 21), "雪顿节", isOffDay: true))
            .ToList();
        var calendar = new WorkCalendar(days);

        Assert.False(calendar.IsWorkday(new DateOnly(2023, 2, 20), "540102"));
        Assert.False(calendar.IsWorkday(new DateOnly(2023, 8, 21), "540102"));
        Assert.True(calendar.IsWorkday(new DateOnly(2023, 8, 21), "540200"));
    }

    [Fact]
    public void Refuses_dates_outside_its_range()
    {
        Assert.False(Shipped.TryAddWorkdays(WorkCalendar.LastDate.AddDays(-3), 10, null, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Shipped.IsWorkday(WorkCalendar.FirstDate.AddDays(-1)));
    }
}
