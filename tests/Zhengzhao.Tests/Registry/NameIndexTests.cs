using Zhengzhao.Registry;

namespace Zhengzhao.Tests.Registry;

public sealed class NameIndexTests
{
    [Fact]
    public void A_name_is_indexed_by_each_pair_of_adjacent_characters_once_in_the_order_they_first_appear()
    {
        Assert.Equal(["拉萨", "萨雪", "雪域", "域雪", "域有", "有限", "限公", "公司"], NameIndex.Grams("拉萨雪域雪域有限公司"));
    }

    [Fact]
    public void A_character_outside_the_basic_plane_counts_as_one_character_as_the_databases_count_it()
    {
        Assert.Equal(["拉𠀀", "𠀀𠀀", "𠀀商"], NameIndex.Grams("拉𠀀𠀀商"));
        Assert.Equal(4, NameIndex.Length("拉𠀀𠀀商"));
    }

    [Fact]
    public void A_name_is_also_indexed_by_every_run_of_three_characters_at_its_place()
    {
        Assert.Equal(
            [new("拉萨雪", 0), new("萨雪域", 1), new("雪域雪", 2), new("域雪域", 3), new("雪域公", 4), new("域公司", 5)],
            NameIndex.Trigrams("拉萨雪域雪域公司"));
        Assert.Equal([new PlacedRun("拉𠀀𠀀", 0), new PlacedRun("𠀀𠀀商", 1)], NameIndex.Trigrams("拉𠀀𠀀商"));
        Assert.Empty(NameIndex.Trigrams("拉萨"));
    }

    [Theory]
    [InlineData("拉萨雪", "拉萨雪@0")]
    [InlineData("拉萨雪域", "拉萨雪@0 萨雪域@1")]
    [InlineData("拉萨雪域有", "拉萨雪@0 雪域有@2")]
    [InlineData("拉萨雪域有限", "拉萨雪@0 域有限@3")]
    [InlineData("拉萨雪域有限公", "拉萨雪@0 域有限@3 有限公@4")]
    [InlineData("拉萨雪域有限公司", "拉萨雪@0 域有限@3 限公司@5")]
    [InlineData("拉萨雪域有限公司成", "拉萨雪@0 域有限@3 公司成@6")]
    [InlineData("𠀀𠀀雪域", "𠀀𠀀雪@0 𠀀雪域@1")]
    public void A_fragment_is_covered_by_runs_of_three_end_to_end_the_last_overlapping_when_it_must(string fragment, string cover)
    {
        Assert.Equal(cover, string.Join(' ', NameIndex.Cover(fragment).Select(r => $"{r.Gram}@{r.Position}")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("藏")]
    [InlineData("𠀀")]
    public void Fewer_than_two_characters_give_no_pair(string text)
    {
        Assert.Empty(NameIndex.Grams(text));
        Assert.True(NameIndex.Length(text) < NameIndex.MinimumLength);
    }
}
