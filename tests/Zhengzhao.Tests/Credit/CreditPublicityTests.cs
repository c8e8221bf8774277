using Zhengzhao.Calendar;
using Zhengzhao.Credit;
using Zhengzhao.Tests.Calendar;

namespace Zhengzhao.Tests.Credit;

/// <summary>公示时限: within 20 working days of arising, on the company's regional calendar.</summary>
public sealed class CreditPublicityTests
{
    private static readonly WorkCalendar Shipped = ShippedCalendar.Instance;

    [Fact]
    public void An_entry_is_due_twenty_working_days_after_it_arose()
    {
        Assert.Equal(new DateOnly(2026, 11, 30), CreditPublicity.DueOn(Shipped, new DateOnly(2026, 11, 2), "540172"));
    }

    [Fact]
    public void The_national_day_holiday_does_not_count_and_its_make_up_saturday_does()
    {
        // 2026: 1–7 October off, Saturday 10 October worked (国办发明电〔2025〕7号).
        Assert.Equal(new DateOnly(2026, 11, 3), CreditPublicity.DueOn(Shipped, new DateOnly(2026, 9, 30), "540172"));
    }

    [Theory]
    [InlineData("2026-11-30", false)]
    [InlineData("2026-12-01", true)]
    public void Published_after_the_due_day_is_late(string published, bool late) =>
        Assert.Equal(late, CreditPublicity.IsLate(new DateOnly(2026, 11, 30), DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture)));
}
