using Zhengzhao.Licensing;

namespace Zhengzhao.Tests.Licensing;

/// <summary>延续 (行政许可法 第五十条): the window before expiry, and the renewal deemed granted when no decision came in time.</summary>
public sealed class RenewalRulesTests
{
    private static readonly DateOnly LastDay = new(2031, 11, 25);

    [Fact]
    public void The_window_opens_the_items_number_of_days_before_the_last_valid_day_and_closes_with_it()
    {
        Assert.Equal(new DateOnly(2031, 10, 26), RenewalRules.WindowOpensOn(LastDay, 30));
        Assert.Equal("licensing/renewal-too-early", RenewalRules.CanFile(LastDay, 30, new DateOnly(2031, 10, 25))!.Type);
        Assert.Null(RenewalRules.CanFile(LastDay, 30, new DateOnly(2031, 10, 26)));
        Assert.Null(RenewalRules.CanFile(LastDay, 30, LastDay));
        Assert.Equal("licensing/renewal-too-late", RenewalRules.CanFile(LastDay, 30, LastDay.AddDays(1))!.Type);
        Assert.Equal("licensing/long-term", RenewalRules.CanFile(null, 30, LastDay)!.Type);
    }

    [Fact]
    public void A_renewal_filed_in_the_window_and_undecided_by_the_last_valid_day_is_deemed_granted_the_day_after()
    {
        var filed = new DateOnly(2031, 11, 1);

        Assert.Equal("licensing/renewal-not-yet-deemed", RenewalRules.CanGrant(LastDay, 30, filed, RenewalBasis.Deemed, LastDay)!.Type);
        Assert.Null(RenewalRules.CanGrant(LastDay, 30, filed, RenewalBasis.Deemed, LastDay.AddDays(1)));
    }

    [Fact]
    public void A_decision_comes_by_the_last_valid_day_after_which_the_law_has_decided()
    {
        var filed = new DateOnly(2031, 11, 1);

        Assert.Null(RenewalRules.CanGrant(LastDay, 30, filed, RenewalBasis.Decided, LastDay));
        Assert.Equal("licensing/renewal-deemed", RenewalRules.CanGrant(LastDay, 30, filed, RenewalBasis.Decided, LastDay.AddDays(1))!.Type);
    }

    [Fact]
    public void A_renewal_filed_outside_the_window_is_never_deemed_granted()
    {
        Assert.Equal("licensing/renewal-too-early", RenewalRules.CanGrant(LastDay, 30, new DateOnly(2031, 9, 1), RenewalBasis.Deemed, LastDay.AddDays(1))!.Type);
    }

    [Fact]
    public void The_next_period_starts_the_day_after_the_last_valid_day()
    {
        Assert.Equal((new DateOnly(2031, 11, 26), new DateOnly(2036, 11, 25)), RenewalRules.NextPeriod(LastDay, 5));
        Assert.Equal((new DateOnly(2028, 2, 29), new DateOnly(2029, 2, 27)), RenewalRules.NextPeriod(new DateOnly(2028, 2, 28), 1));
    }
}
