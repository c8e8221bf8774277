using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Deadlines;
using Zhengzhao.Tests.Calendar;

namespace Zhengzhao.Tests.Deadlines;

/// <summary>
/// The light and the warning days every deadline shares, on the shipped calendar of 堆龙德庆区 (540103). Thursday
/// 2026-12-10 is the due date: three working days before it is Monday 12-07, one is Wednesday 12-09.
/// </summary>
public sealed class DeadlineRulesTests
{
    private const string Region = "540103";
    private static readonly WorkCalendar Shipped = ShippedCalendar.Instance;
    private static readonly DateOnly Due = new(2026, 12, 10);

    [Theory]
    [InlineData("2026-12-04", TrafficLight.Green)]
    [InlineData("2026-12-07", TrafficLight.Yellow)]
    [InlineData("2026-12-10", TrafficLight.Yellow)]
    [InlineData("2026-12-11", TrafficLight.Red)]
    public void A_deadline_turns_yellow_three_working_days_before_and_red_once_past(string today, TrafficLight light) =>
        Assert.Equal(light, DeadlineRules.Light(Shipped, Region, Due, D(today)));

    [Fact]
    public void Each_lead_falls_due_on_its_working_day_and_stays_due_until_the_deadline()
    {
        Assert.Empty(DeadlineRules.WarningsDue(Shipped, Region, Due, [3, 1], D("2026-12-04")));
        Assert.Equal([3], DeadlineRules.WarningsDue(Shipped, Region, Due, [3, 1], D("2026-12-07")));

        // A sweep that missed Monday still finds the three-day lead on Wednesday, beside the one-day lead.
        Assert.Equal([3, 1], DeadlineRules.WarningsDue(Shipped, Region, Due, [3, 1], D("2026-12-09")));
        Assert.Equal([3, 1], DeadlineRules.WarningsDue(Shipped, Region, Due, [3, 1], Due));
    }

    [Fact]
    public void Once_past_only_the_past_due_notice_falls_due()
    {
        Assert.Equal([DeadlineRules.PastDue], DeadlineRules.WarningsDue(Shipped, Region, Due, [3, 1], D("2026-12-11")));
        Assert.Equal([DeadlineRules.PastDue], DeadlineRules.WarningsDue(Shipped, Region, Due, [3, 1], D("2027-03-01")));
    }

    [Fact]
    public void A_lead_counts_working_days_so_a_holiday_moves_the_warning_earlier()
    {
        // Friday 2026-10-09 follows the National Day holiday (10-01 to 10-07): its three-day lead falls in September.
        var due = new DateOnly(2026, 10, 9);
        var warnedFrom = Shipped.AddWorkdays(due, -3, Region);
        Assert.True(warnedFrom < new DateOnly(2026, 10, 1));
        Assert.Empty(DeadlineRules.WarningsDue(Shipped, Region, due, [3], warnedFrom.AddDays(-1)));
        Assert.Equal([3], DeadlineRules.WarningsDue(Shipped, Region, due, [3], warnedFrom));
    }

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
