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
