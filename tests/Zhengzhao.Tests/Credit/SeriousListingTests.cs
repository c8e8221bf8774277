using Zhengzhao.Credit;

namespace Zhengzhao.Tests.Credit;

/// <summary>严重违法失信名单: five years listed, three years of the legal representative's bar, early end by repair only once.</summary>
public sealed class SeriousListingTests
{
    private static SeriousListing Listed(DateOnly on) =>
        new("91540172MA6TAB01X0", "拉萨测试有限公司", SeriousCause.RepeatedViolations, "拉市监严〔2026〕1号", "多次违法", "XZ-GSJ", "工商局", on, "regulator", ("达瓦", "protected"));

    [Fact]
    public void A_listing_stands_five_years_and_bars_the_representative_for_three()
    {
        var listing = Listed(new DateOnly(2024, 2, 29));

        Assert.Equal((new DateOnly(2029, 2, 28), new DateOnly(2027, 2, 28)), (listing.EndsOn, listing.RepresentativeBarEndsOn));
        Assert.True(listing.InForce(new DateOnly(2029, 2, 27)));
        Assert.False(listing.InForce(new DateOnly(2029, 2, 28)));
        Assert.Equal(new DateOnly(2029, 2, 28), listing.EndedOn(new DateOnly(2030, 1, 1)));
        Assert.Null(listing.EndedOn(new DateOnly(2029, 2, 27)));
    }

    [Fact]
    public void Removed_early_it_ends_that_day_and_cannot_be_removed_again()
    {
        var listing = Listed(new DateOnly(2025, 11, 26));

        Assert.True(listing.Remove("信用修复", "regulator", new DateOnly(2026, 11, 26)).IsSuccess);

        Assert.False(listing.InForce(new DateOnly(2026, 11, 26)));
        Assert.Equal(new DateOnly(2026, 11, 26), listing.EndedOn(new DateOnly(2026, 11, 27)));
        Assert.Equal("credit/listing-ended", listing.Remove("再次", "regulator", new DateOnly(2026, 11, 27)).Refusal?.Type);
    }

    [Fact]
    public void A_listing_past_its_five_years_has_ended_and_cannot_be_removed()
    {
        var listing = Listed(new DateOnly(2020, 1, 2));

        Assert.Equal("credit/listing-ended", listing.Remove("信用修复", "regulator", new DateOnly(2026, 11, 26)).Refusal?.Type);
    }
}
