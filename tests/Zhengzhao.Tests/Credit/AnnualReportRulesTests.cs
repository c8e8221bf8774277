using Zhengzhao.Credit;

namespace Zhengzhao.Tests.Credit;

/// <summary>年度报告: filed from 1 January to 30 June for the year before, from the year after founding.</summary>
public sealed class AnnualReportRulesTests
{
    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(2025, "2026-06-30", "2026-11-26", AnnualReportStatus.Filed)]
    [InlineData(2025, "2026-07-01", "2026-11-26", AnnualReportStatus.FiledLate)]
    [InlineData(2025, null, "2026-06-30", AnnualReportStatus.Open)]
    [InlineData(2025, null, "2026-07-01", AnnualReportStatus.NotFiled)]
    public void A_year_is_filed_on_time_by_the_thirtieth_of_june_after_it(int year, string? filedOn, string today, AnnualReportStatus status) =>
        Assert.Equal(status, AnnualReportRules.Status(year, filedOn is null ? null : Day(filedOn), Day(today)));

    [Fact]
    public void A_company_owes_a_report_for_each_year_since_its_founding_and_the_record_shows_five()
    {
        Assert.Equal([2025, 2024, 2023], AnnualReportRules.YearsOwed(Day("2023-12-31"), Day("2026-11-26")));
        Assert.Empty(AnnualReportRules.YearsOwed(Day("2026-01-05"), Day("2026-11-26")));
        Assert.Equal([2025, 2024, 2023, 2022, 2021], AnnualReportRules.YearsOwed(Day("2001-06-01"), Day("2026-11-26")));
    }

    [Theory]
    [InlineData("2026-11-20", "2026-11-26", false)]
    [InlineData("2026-01-05", "2027-06-30", false)]
    [InlineData("2026-01-05", "2027-07-01", true)]
    [InlineData("2025-12-31", "2026-07-01", true)]
    public void A_report_is_first_overdue_the_day_after_the_thirtieth_of_june_after_the_founding_year(string established, string on, bool overdue) =>
        Assert.Equal(overdue, AnnualReportRules.AnyOverdue(Day(established), Day(on)));
}
