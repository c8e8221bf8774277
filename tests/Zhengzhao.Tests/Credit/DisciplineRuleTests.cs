using Zhengzhao.Credit;

namespace Zhengzhao.Tests.Credit;

/// <summary>联合惩戒规则表: what each shipped rule imposes, on what condition, and the days it is in force.</summary>
public sealed class DisciplineRuleTests
{
    [Fact]
    public void The_shipped_table_holds_the_measures_the_reform_names_each_with_a_basis()
    {
        var rules = DisciplineRule.Shipped.Select(r => (r.Code, r.Trigger, r.Restriction)).ToList();

        Assert.Equal(
            [
                ("LJ-01", DisciplineTrigger.SeriousList, Restriction.CommitmentRoute),
                ("LJ-02", DisciplineTrigger.SeriousList, Restriction.CloserReview),
                ("LJ-03", DisciplineTrigger.SeriousList, Restriction.LegalRepresentative),
                ("LJ-04", DisciplineTrigger.SeriousList, Restriction.RaisedInspectionRatio),
                ("LJ-05", DisciplineTrigger.AbnormalList, Restriction.CloserReview),
                ("LJ-06", DisciplineTrigger.AbnormalList, Restriction.RaisedInspectionRatio),
                ("LJ-07", DisciplineTrigger.CommitmentBreach, Restriction.CommitmentRoute),
            ],
            rules);
        Assert.All(DisciplineRule.Shipped, r => Assert.False(string.IsNullOrWhiteSpace(r.Basis)));
        Assert.All(DisciplineRule.Shipped.Where(r => r.Restriction == Restriction.RaisedInspectionRatio), r => Assert.True(r.RatioMultiplier > 1));
    }

    [Theory]
    [InlineData("2018-10-09", false)]
    [InlineData("2018-10-10", true)]
    [InlineData("2027-12-31", true)]
    [InlineData("2028-01-01", false)]
    public void A_rule_is_in_force_from_its_first_day_until_the_day_it_ends(string day, bool inForce)
    {
        var rule = new DisciplineRule("T-1", DisciplineTrigger.SeriousList, Restriction.CommitmentRoute, "行政许可", "依据", new DateOnly(2018, 10, 10), new DateOnly(2028, 1, 1));

        Assert.Equal(inForce, rule.InForce(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("LJ-01", "信用修复前不能选择告知承诺方式，请按一般程序申请。")]
    [InlineData("LJ-02", "依联合惩戒规则，其许可申请须从严审查。")]
    [InlineData("LJ-03", "其时任法定代表人三年内不得担任其他企业的法定代表人。")]
    [InlineData("LJ-04", "列为重点监管对象，抽查比例提高至 3 倍。")]
    [InlineData("LJ-06", "列为重点监管对象，抽查比例提高至 2 倍。")]
    public void Each_measure_is_told_in_words_the_company_understands(string code, string consequence) =>
        Assert.Equal(consequence, DisciplineRule.Shipped.Single(r => r.Code == code).Consequence());
}
