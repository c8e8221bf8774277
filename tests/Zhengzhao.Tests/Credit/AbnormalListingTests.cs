using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Credit;
using Zhengzhao.Tests.Calendar;

namespace Zhengzhao.Tests.Credit;

/// <summary>经营异常名录: the objection's periods on the calendar, the steps it takes, removal and the three-year move.</summary>
public sealed class AbnormalListingTests
{
    private const string Lhasa = "540172";
    private static readonly WorkCalendar Shipped = ShippedCalendar.Instance;

    private static AbnormalListing Listed(DateOnly on) =>
        new("91540172MA6TAB01X0", "拉萨测试有限公司", AbnormalCause.Unreachable, "拉市监异〔2026〕1号", "住所无法联系", "XZ-GSJ", "工商局", on, "regulator", on, Shipped, Lhasa);

    private static T Ok<T>(Result<T> result) => result.IsSuccess ? result.Value! : throw new Xunit.Sdk.XunitException(result.Refusal!.Detail);

    [Fact]
    public void An_objection_may_be_lodged_until_the_thirtieth_day_after_publication_and_not_after()
    {
        var listedOn = new DateOnly(2026, 11, 2);

        Assert.True(Listed(listedOn).LodgeObjection("可以联系", new DateOnly(2026, 12, 2), Shipped, Lhasa).IsSuccess);
        var late = Listed(listedOn).LodgeObjection("可以联系", new DateOnly(2026, 12, 3), Shipped, Lhasa);
        Assert.Equal("credit/objection-late", late.Refusal?.Type);
    }

    [Theory]
    [InlineData("2026-11-02", "2026-12-02")]
    [InlineData("2026-09-05", "2026-10-08")]
    [InlineData("2026-10-01", "2026-11-02")]
    public void The_thirty_days_run_from_publication_and_a_last_day_off_moves_to_the_next_working_day(string published, string deadline)
    {
        var on = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture);
        var listing = new AbnormalListing("91540172MA6TAB01X0", "拉萨测试有限公司", AbnormalCause.Unreachable, "1号", "事实", "XZ-GSJ", "工商局", on.AddDays(-3), "regulator", on, Shipped, Lhasa);

        Assert.Equal(DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), listing.ObjectionDeadline);
    }

    [Fact]
    public void No_objection_step_follows_a_removal()
    {
        var today = new DateOnly(2026, 11, 26);
        var listing = Listed(today);
        Ok(listing.LodgeObjection("理由", today, Shipped, Lhasa));
        Ok(listing.Remove(ListingEnd.Cured, "已履行", "o", today));

        Assert.Equal("credit/listing-ended", listing.DecideAcceptance(accept: true, null, "o", today, Shipped, Lhasa).Refusal?.Type);
        Assert.Equal(ObjectionStage.Lodged, listing.Objection);
    }

    [Fact]
    public void Five_working_days_to_accept_and_twenty_to_verify_skip_the_national_day_holiday()
    {
        var listing = Listed(new DateOnly(2026, 9, 20));

        // Lodged Monday 28 September: 29, 30 September, then 8, 9 and the make-up Saturday 10 October.
        Ok(listing.LodgeObjection("住所可以联系", new DateOnly(2026, 9, 28), Shipped, Lhasa));
        Assert.Equal(new DateOnly(2026, 10, 10), listing.ObjectionDueOn);
        // Accepted Friday 9 October: the make-up Saturday is the first of the twenty.
        Ok(listing.DecideAcceptance(accept: true, null, "officer", new DateOnly(2026, 10, 9), Shipped, Lhasa));
        Assert.Equal((ObjectionStage.Accepted, new DateOnly(2026, 11, 5)), (listing.Objection, listing.ObjectionDueOn));
    }

    [Fact]
    public void Each_step_of_an_objection_comes_once_and_in_order()
    {
        var today = new DateOnly(2026, 11, 26);
        var listing = Listed(today);

        Assert.Equal("credit/objection-not-lodged", listing.DecideAcceptance(accept: true, null, "o", today, Shipped, Lhasa).Refusal?.Type);
        Assert.Equal("credit/objection-not-accepted", listing.Verify(upheld: true, "核实", "o", today).Refusal?.Type);
        Ok(listing.LodgeObjection("理由", today, Shipped, Lhasa));
        Assert.Equal("credit/objection-exists", listing.LodgeObjection("再次", today, Shipped, Lhasa).Refusal?.Type);
        Assert.Equal("credit/objection-not-accepted", listing.Verify(upheld: true, "核实", "o", today).Refusal?.Type);
        Ok(listing.DecideAcceptance(accept: true, null, "o", today, Shipped, Lhasa));
        Ok(listing.Verify(upheld: false, "企业确实无法联系", "o", today));

        Assert.Equal((ObjectionStage.Dismissed, true), (listing.Objection, listing.InForce));
        Assert.Equal("credit/objection-not-accepted", listing.Verify(upheld: true, "改判", "o", today).Refusal?.Type);
    }

    [Fact]
    public void An_objection_not_accepted_ends_with_its_reason_and_the_listing_stands()
    {
        var today = new DateOnly(2026, 11, 26);
        var listing = Listed(today);
        Ok(listing.LodgeObjection("理由", today, Shipped, Lhasa));

        Ok(listing.DecideAcceptance(accept: false, "未提交证明材料", "o", today, Shipped, Lhasa));

        Assert.Equal((ObjectionStage.NotAccepted, "未提交证明材料", true), (listing.Objection, listing.ObjectionAnswer, listing.InForce));
    }

    [Fact]
    public void An_upheld_objection_removes_the_listing_and_nothing_follows_a_removal()
    {
        var today = new DateOnly(2026, 11, 26);
        var listing = Listed(today);
        Ok(listing.LodgeObjection("理由", today, Shipped, Lhasa));
        Ok(listing.DecideAcceptance(accept: true, null, "o", today, Shipped, Lhasa));

        Ok(listing.Verify(upheld: true, "企业正常经营", "o", today.AddDays(3)));

        Assert.Equal((ListingEnd.ObjectionUpheld, today.AddDays(3), false), (listing.RemovedFor, listing.RemovedOn, listing.InForce));
        Assert.Equal("credit/listing-ended", listing.Remove(ListingEnd.Cured, "已履行", "o", today.AddDays(4)).Refusal?.Type);
    }

    [Fact]
    public void A_removal_cannot_predate_the_listing()
    {
        var listing = Listed(new DateOnly(2026, 11, 26));

        Assert.Equal("credit/invalid-removal", listing.Remove(ListingEnd.Cured, "已履行", "o", new DateOnly(2026, 11, 25)).Refusal?.Type);
        Assert.True(listing.InForce);
    }

    [Theory]
    [InlineData("2023-11-26", "2026-11-25", false, true)]
    [InlineData("2023-11-26", "2026-11-26", true, false)]
    [InlineData("2023-11-26", "2026-09-26", false, false)]
    [InlineData("2023-11-26", "2026-09-27", false, true)]
    [InlineData("2024-02-29", "2027-02-28", true, false)]
    public void Three_years_on_the_list_propose_the_serious_list_after_a_public_reminder_sixty_days_before(string listedOn, string today, bool due, bool reminding)
    {
        var listing = Listed(DateOnly.Parse(listedOn, System.Globalization.CultureInfo.InvariantCulture));
        var on = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal((due, reminding), (AbnormalListRules.DueForSerious(listing, on), AbnormalListRules.Reminding(listing, on)));
    }

    [Fact]
    public void A_removed_listing_is_neither_reminded_nor_proposed()
    {
        var listing = Listed(new DateOnly(2023, 11, 26));
        Ok(listing.Remove(ListingEnd.Cured, "已补报年报", "o", new DateOnly(2026, 10, 1)));

        Assert.False(AbnormalListRules.DueForSerious(listing, new DateOnly(2026, 12, 1)));
        Assert.False(AbnormalListRules.Reminding(listing, new DateOnly(2026, 11, 1)));
    }
}
