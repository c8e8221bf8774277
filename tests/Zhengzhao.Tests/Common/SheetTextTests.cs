using Zhengzhao.Common;

namespace Zhengzhao.Tests.Common;

public sealed class SheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"点击\")", "'=HYPERLINK(\"http://x\",\"点击\")")]
    [InlineData("+86 891 6000000", "'+86 891 6000000")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("拉萨市雪域商贸有限公司", "拉萨市雪域商贸有限公司")]
    [InlineData("a=b-c", "a=b-c")]
    [InlineData("", "")]
    public void A_written_cell_that_a_spreadsheet_would_take_for_a_formula_gets_an_apostrophe(string text, string written)
    {
        Assert.Equal(written, SheetText.Neutralise(text));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")")]
    [InlineData("@cmd")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("'=HYPERLINK(\"x\")")]
    public void An_imported_formula_is_refused_even_when_an_export_neutralised_it(string text)
    {
        Assert.Contains("不能以 =、+、-、@ 开头", SheetText.Problem("名称", text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("雪域\0商贸")]
    [InlineData("雪域\u001B商贸")]
    [InlineData("雪域\u007F")]
    public void An_imported_control_character_is_refused(string text)
    {
        Assert.Contains("控制字符", SheetText.Problem("名称", text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("拉萨市雪域商贸有限公司")]
    [InlineData("一般项目：日用百货销售；\r\n办公用品销售。")]
    [InlineData("'引号开头的文字")]
    [InlineData("")]
    public void Text_as_the_law_names_it_passes(string text)
    {
        Assert.Null(SheetText.Problem("名称", text));
    }
}
