using Zhengzhao.Coordination;

namespace Zhengzhao.Tests.Coordination;

public sealed class ScopeMatcherTests
{
    private static ScopeMatcher Matcher(params (int Target, string Phrase)[] phrases) => new(phrases);

    [Fact]
    public void Overlapping_and_nested_phrases_are_all_found_in_one_pass()
    {
        var matcher = Matcher((0, "食品销售"), (1, "预包装食品销售"), (2, "食品"), (3, "包装装潢印刷"));

        var found = matcher.Match("许可项目：预包装食品销售");

        Assert.Equal([0, 1, 2], found.Select(f => f.Target).Order());
    }

    [Fact]
    public void Full_width_forms_spaces_and_case_do_not_matter()
    {
        var matcher = Matcher((0, "食品销售"), (1, "KTV"), (2, "卡拉OK"));

        var found = matcher.Match("许可项目：食品　销售；一般项目：ｋｔｖ服务，卡拉ok。");

        Assert.Equal([0, 1, 2], found.Select(f => f.Target));
    }

    [Fact]
    public void A_phrase_does_not_match_across_punctuation_or_a_label()
    {
        var matcher = Matcher((0, "食品销售"), (1, "餐饮服务"));

        Assert.Empty(matcher.Match("食品，销售；餐饮、服务"));
        Assert.Empty(matcher.Match("食品许可项目销售"));
    }

    [Fact]
    public void Each_target_is_reported_once_with_the_first_phrase_that_found_it()
    {
        var matcher = Matcher((7, "食品经营"), (7, "餐饮服务"));

        var found = matcher.Match("餐饮服务；食品经营；餐饮服务");

        Assert.Equal([(7, "餐饮服务")], found);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("一般项目：日用百货销售；文具用品零售")]
    public void A_scope_without_permit_phrases_needs_nothing(string? scope)
    {
        var matcher = Matcher((0, "食品销售"), (1, "劳务派遣"));

        Assert.Empty(matcher.Match(scope));
    }

    [Fact]
    public void Empty_or_punctuation_only_phrases_are_ignored()
    {
        var matcher = Matcher((0, ""), (1, "，"), (2, "劳务派遣"));

        Assert.Equal(1, matcher.PhraseCount);
        Assert.Equal([2], matcher.Match("劳务派遣").Select(f => f.Target));
    }
}
