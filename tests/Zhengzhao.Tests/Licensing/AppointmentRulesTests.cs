using Zhengzhao.Calendar;
using Zhengzhao.Licensing.Appointments;
using Zhengzhao.Tests.Calendar;

namespace Zhengzhao.Tests.Licensing;

public sealed class AppointmentRulesTests
{
    private static readonly WorkCalendar Shipped = ShippedCalendar.Instance;

    private static readonly SlotLine Morning = new(new(9, 30), new(10, 30), 3, false);
    private static readonly SlotLine Lunch = new(new(12, 0), new(14, 0), 2, true);

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Beijing(string date, int hour, int minute = 0) => new(D(date).ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8));

    private static Slot SlotOn(string date, int capacity = 3) => new(Guid.NewGuid(), D(date), new(9, 30), new(10, 30), capacity, false);

    [Theory]
    [InlineData("540172", new[] { "2026-02-13", "2026-02-14", "2026-02-27", "2026-02-28", "2026-03-02" })]
    [InlineData("110000", new[] { "2026-02-13", "2026-02-14", "2026-02-24", "2026-02-25", "2026-02-26", "2026-02-27", "2026-02-28", "2026-03-02" })]
    public void Slots_fall_on_working_days_only_skipping_the_spring_festival_and_the_tibetan_new_year_and_including_make_up_saturdays(string region, string[] expected)
    {
        var plan = SlotPlan.Generate(Shipped, region, D("2026-02-13"), D("2026-03-02"), [Morning, Lunch], D("2026-01-05"));

        Assert.Equal(expected, plan.Value!.Select(p => p.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Distinct());
        Assert.All(plan.Value!.GroupBy(p => p.Date), day => Assert.Equal([Morning, Lunch], day.Select(p => p.Line)));
    }

    [Fact]
    public void The_regional_make_up_sunday_before_the_tibetan_new_year_gets_slots_in_tibet_only()
    {
        var tibet = SlotPlan.Generate(Shipped, "540100", D("2023-02-17"), D("2023-02-26"), [Morning], D("2023-01-02"));
        var national = SlotPlan.Generate(Shipped, "110000", D("2023-02-17"), D("2023-02-26"), [Morning], D("2023-01-02"));

        Assert.Equal([D("2023-02-17"), D("2023-02-18"), D("2023-02-19")], tibet.Value!.Select(p => p.Date));
        Assert.Equal([D("2023-02-17"), D("2023-02-20"), D("2023-02-21"), D("2023-02-22"), D("2023-02-23"), D("2023-02-24")], national.Value!.Select(p => p.Date));
    }

    [Theory]
    [InlineData("2026-11-28", "2026-11-29", "appointments/no-working-days")]
    [InlineData("2026-11-25", "2026-11-27", "appointments/invalid-input")]
    [InlineData("2026-11-27", "2026-11-26", "appointments/invalid-input")]
    [InlineData("2026-11-27", "2027-03-01", "appointments/invalid-input")]
    public void A_weekend_a_past_day_a_reversed_or_an_overlong_range_is_refused(string from, string to, string type)
    {
        var plan = SlotPlan.Generate(Shipped, "540172", D(from), D(to), [Morning], D("2026-11-26"));

        Assert.Equal(type, plan.Refusal!.Type);
    }

    [Theory]
    [InlineData(10, 30, 9, 30, 3, "结束时间应晚于开始时间")]
    [InlineData(9, 30, 10, 30, 0, "可约人数")]
    [InlineData(10, 0, 11, 0, 3, "重叠")]
    public void A_template_line_must_end_after_it_starts_take_someone_and_not_overlap_another(int startHour, int startMinute, int endHour, int endMinute, int capacity, string reason)
    {
        var refusal = SlotPlan.Check([Morning, new SlotLine(new(startHour, startMinute), new(endHour, endMinute), capacity, false)]);

        Assert.Contains(reason, refusal!.Detail, StringComparison.Ordinal);
        Assert.Equal("请至少填写一个时段。", SlotPlan.Check([])!.Detail);
    }

    [Fact]
    public void The_typed_template_reads_one_slot_a_line_with_full_width_text_folded_and_extended_hours_marked()
    {
        var parsed = SlotPlan.Parse("09:30-10:30 3\r\n  １２：００－１４：００　２　延时 \n\n18:00~19:30 2");
        var extended = SlotPlan.Parse("18:00-19:30 2", extended: true);
        var bad = SlotPlan.Parse("09:30-10:30 3\n上午 3");

        Assert.Equal([Morning, Lunch, new SlotLine(new(18, 0), new(19, 30), 2, false)], parsed.Value!);
        Assert.True(extended.Value![0].IsExtended);
        Assert.Contains("第 2 行", bad.Refusal!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_booking_is_refused_once_the_slot_begins_on_a_slot_already_held_beyond_three_active_bookings_and_when_full()
    {
        var slot = SlotOn("2026-11-30");
        var before = Beijing("2026-11-30", 9, 29);

        Assert.Null(BookingRules.Check(slot, before, BookingRules.MaxActiveFutureBookings - 1, holdsThisSlot: false));
        Assert.Equal("appointments/slot-started", BookingRules.Check(slot, Beijing("2026-11-30", 9, 30), 0, false)!.Type);
        Assert.Equal("appointments/already-booked", BookingRules.Check(slot, before, 1, holdsThisSlot: true)!.Type);
        Assert.Equal("appointments/too-many-bookings", BookingRules.Check(slot, before, BookingRules.MaxActiveFutureBookings, false)!.Type);
        Assert.Equal("appointments/slot-full", BookingRules.Check(SlotOn("2026-11-30", capacity: 0), before, 0, false)!.Type);
    }

    [Fact]
    public void A_booking_is_cancelled_before_its_slot_begins_and_marked_once_on_its_own_day()
    {
        var slot = SlotOn("2026-11-30");
        Booking New() => new(slot, "91540172MA6T2K8P0X", null, null, null, "applicant", DateTime.UnixEpoch);

        var cancelled = New();
        Assert.True(cancelled.Cancel("applicant", Beijing("2026-11-30", 9, 0)).IsSuccess);
        Assert.Equal(BookingState.Cancelled, cancelled.State);
        Assert.Equal("appointments/booking-closed", cancelled.Cancel("applicant", Beijing("2026-11-30", 9, 0)).Refusal!.Type);
        Assert.Equal("appointments/slot-started", New().Cancel("applicant", Beijing("2026-11-30", 9, 30)).Refusal!.Type);

        var visited = New();
        Assert.Equal("appointments/not-today", visited.Mark(arrived: true, "clerk", Beijing("2026-11-29", 18)).Refusal!.Type);
        Assert.True(visited.Mark(arrived: true, "clerk", Beijing("2026-11-30", 9, 40)).IsSuccess);
        Assert.Equal(BookingState.Arrived, visited.State);
        Assert.Equal("appointments/booking-closed", visited.Mark(arrived: false, "clerk", Beijing("2026-11-30", 11)).Refusal!.Type);
        Assert.StartsWith("YY20261130-", visited.Number, StringComparison.Ordinal);
    }
}
