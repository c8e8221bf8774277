using Zhengzhao.Calendar;
using Zhengzhao.Catalog;
using Zhengzhao.Coordination;

namespace Zhengzhao.Tests.Coordination;

public sealed class PushTests
{
    private static readonly WorkCalendar Shipped = new(
        CalendarSeeder.ShippedNotices().SelectMany(n => n.Notice.Days.Select(d => new CalendarDay(n.Layer, n.Notice.Year, d.Date, d.Name, d.IsOffDay))));

    private static Push NewPush(DateOnly pushedOn) => new("91540172MA6T2K8P0X", "SL-014", "XZ-SYJ", "540172", ReformMode.Transparent, "evt", pushedOn);

    [Fact]
    public void A_pending_push_is_claimed_once()
    {
        var push = NewPush(new DateOnly(2026, 11, 2));

        Assert.True(push.Claim("officer-a", new DateOnly(2026, 11, 3)).IsSuccess);
        Assert.Equal(PushState.Claimed, push.State);
        Assert.Equal("coordination/not-pending", push.Claim("officer-b", new DateOnly(2026, 11, 4)).Refusal!.Type);
        Assert.Equal("coordination/not-pending", push.Return(ReturnReason.NotOurArea, null, "officer-b", new DateOnly(2026, 11, 4)).Refusal!.Type);
        Assert.Equal("officer-a", push.AnsweredBy);
    }

    [Fact]
    public void A_return_needs_a_known_reason_and_a_short_remark()
    {
        var push = NewPush(new DateOnly(2026, 11, 2));

        Assert.Equal("coordination/invalid-reason", push.Return((ReturnReason)9, null, "o", new DateOnly(2026, 11, 3)).Refusal!.Type);
        Assert.Equal("coordination/remark-too-long", push.Return(ReturnReason.NotOurRemit, new string('字', 501), "o", new DateOnly(2026, 11, 3)).Refusal!.Type);
        Assert.Equal(PushState.Pending, push.State);

        Assert.True(push.Return(ReturnReason.NotOurRemit, "  应由卫生部门办理  ", "o", new DateOnly(2026, 11, 3)).IsSuccess);
        Assert.Equal("应由卫生部门办理", push.ReturnRemark);
    }

    [Theory]
    [InlineData("2023-09-20", "2023-09-29", Timeliness.Green)] // 6 working days
    [InlineData("2023-09-25", "2023-10-10", Timeliness.Green)] // the National Day week does not count: 3 + 2 (make-up weekend) + 2 = 7
    [InlineData("2023-09-25", "2023-10-12", Timeliness.Yellow)] // 9
    [InlineData("2023-09-25", "2023-10-16", Timeliness.Red)] // 11
    [InlineData("2023-02-10", "2023-02-24", Timeliness.Green)] // in Lhasa: 5 + the worked weekend 2, then the Tibetan New Year week off
    public void The_claim_light_counts_working_days_of_the_companys_region(string pushed, string asOf, Timeliness expected)
    {
        var light = PushRules.Timeliness(Shipped, "540172", DateOnly.Parse(pushed, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, light);
    }

    [Fact]
    public void A_claimed_push_keeps_the_light_it_had_when_claimed()
    {
        var push = NewPush(new DateOnly(2023, 9, 20));
        push.Claim("o", new DateOnly(2023, 9, 22));

        Assert.Equal(Timeliness.Green, push.TimelinessOn(Shipped, new DateOnly(2024, 1, 1)));
    }
}
