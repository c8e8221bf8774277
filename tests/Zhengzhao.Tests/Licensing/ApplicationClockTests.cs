using Zhengzhao.Calendar;
using Zhengzhao.Catalog;
using Zhengzhao.Licensing;
using Zhengzhao.Tests.Calendar;

namespace Zhengzhao.Tests.Licensing;

/// <summary>The working-day clock across national and Tibetan holidays, with pauses and an extension.</summary>
public sealed class ApplicationClockTests
{
    private static readonly WorkCalendar Shipped = ShippedCalendar.Instance;

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Limits_count_working_days_from_the_day_after_acceptance()
    {
        // Accepted Friday 2023-09-22: the Mid-Autumn/National Day break is skipped, the make-up weekend 10-07/08 counts.
        var reading = ApplicationClock.Read(Shipped, "540172", D("2023-09-22"), new ClockLimits(20, 5), [], D("2023-09-22"));

        Assert.Equal(D("2023-10-07"), reading.CommittedDue);
        Assert.Equal(D("2023-10-26"), reading.StatutoryDue);
        Assert.Equal(5, reading.WorkdaysLeft);
        Assert.False(reading.PastCommitted);
    }

    [Fact]
    public void Each_published_step_is_due_its_limit_after_the_one_before_pauses_included()
    {
        ItemStep[] steps = [new("受理", 2, null), new("审查", 3, null)];

        var running = ApplicationClock.Read(Shipped, "540172", D("2023-09-22"), new ClockLimits(20, 5), [], D("2023-09-22"), steps);
        var paused = ApplicationClock.Read(Shipped, "540172", D("2023-09-22"), new ClockLimits(20, 5), [new ClockPause(PauseKind.Testing, D("2023-09-25"), D("2023-09-26"), "检测")], D("2023-09-27"), steps);

        Assert.Equal([D("2023-09-26"), D("2023-10-07")], running.StepsDue);
        Assert.Equal([D("2023-09-27"), D("2023-10-08")], paused.StepsDue);
        Assert.Empty(ApplicationClock.Read(Shipped, "540172", D("2023-09-22"), new ClockLimits(20, 5), [], D("2023-09-22")).StepsDue);
    }

    [Fact]
    public void In_Lhasa_the_Tibetan_New_Year_does_not_count_but_it_does_nationally()
    {
        // 2023-02-20 (Monday) to 02-24 is the Tibetan New Year break in the region; 02-11/12 are worked weekend days.
        var lhasa = ApplicationClock.Read(Shipped, "540172", D("2023-02-17"), new ClockLimits(10, 10), [], D("2023-02-17"));
        var national = ApplicationClock.Read(Shipped, "110000", D("2023-02-17"), new ClockLimits(10, 10), [], D("2023-02-17"));

        Assert.True(lhasa.StatutoryDue > national.StatutoryDue);
        Assert.Equal(D("2023-03-03"), national.StatutoryDue);
    }

    [Fact]
    public void Closed_pauses_add_their_working_days_and_an_open_pause_moves_the_deadline_with_the_day()
    {
        var limits = new ClockLimits(20, 10);
        ClockPause[] closed = [new(PauseKind.Supplement, D("2026-11-02"), D("2026-11-06"), "补正")];
        ClockPause[] open = [new(PauseKind.Testing, D("2026-11-02"), null, "检测")];

        var afterSupplement = ApplicationClock.Read(Shipped, "540172", D("2026-10-30"), limits, closed, D("2026-11-20"));
        var whileTesting = ApplicationClock.Read(Shipped, "540172", D("2026-10-30"), limits, open, D("2026-11-06"));
        var noPause = ApplicationClock.Read(Shipped, "540172", D("2026-10-30"), limits, [], D("2026-11-06"));

        Assert.Equal(4, afterSupplement.PausedWorkdays);
        Assert.Equal(Shipped.AddWorkdays(D("2026-10-30"), 14, "540172"), afterSupplement.CommittedDue);
        Assert.Equal((4, true), (whileTesting.PausedWorkdays, whileTesting.IsPaused));
        Assert.Equal(afterSupplement.CommittedDue, whileTesting.CommittedDue);
        Assert.Equal(4, Shipped.WorkdaysBetween(noPause.CommittedDue, whileTesting.CommittedDue, "540172"));
    }

    [Fact]
    public void An_extension_moves_both_deadlines_and_overdue_is_read_not_stored()
    {
        var limits = new ClockLimits(20, 10, ExtensionDays: 10);

        // Accepted 2026-09-25, before the 2026 National Day break (10-01 to 10-08 in the shipped notice).
        var reading = ApplicationClock.Read(Shipped, "540172", D("2026-09-25"), limits, [], D("2026-11-20"));

        Assert.Equal(Shipped.AddWorkdays(D("2026-09-25"), 30, "540172"), reading.StatutoryDue);
        Assert.Equal(Shipped.AddWorkdays(D("2026-09-25"), 20, "540172"), reading.CommittedDue);
        Assert.True(reading.PastCommitted);
        Assert.True(reading.PastStatutory);
        Assert.True(reading.WorkdaysLeft < 0);
    }
}
