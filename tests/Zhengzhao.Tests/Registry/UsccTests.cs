using Zhengzhao.Registry;

namespace Zhengzhao.Tests.Registry;

public sealed class UsccTests
{
    [Theory]
    [InlineData("914403001922038216", "工商", "企业", "440300", "192203821")] // a published company code
    [InlineData("9144030071526726XG", "工商", "企业", "440300", "71526726X")] // its organisation check is X
    public void Accepts_published_codes_and_reads_their_parts(string input, string department, string category, string region, string organisation)
    {
        var code = Uscc.Parse(input);

        Assert.Equal(input, code.Value);
        Assert.Equal(department, code.DepartmentName);
        Assert.Equal(category, code.CategoryName);
        Assert.Equal(region, code.RegionCode);
        Assert.Equal(organisation, code.OrganisationCode);
    }

    [Theory]
    [InlineData(" 914403001922038216 ")]
    [InlineData("９１４４０３００１９２２０３８２１６")] // full-width digits, as pasted from a Chinese document
    [InlineData("9144030071526726xg")] // lower case
    [InlineData("\u3000９１４４０３００７１５２６７２６ＸＧ")] // ideographic space and full-width letters
    public void Normalises_input_before_checking(string input)
    {
        var check = Uscc.Check(input);

        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(18, check.Normalised.Length);
    }

    [Theory]
    [InlineData("", "不能为空")]
    [InlineData("91440300192203821", "应为18位，输入为17位")]
    [InlineData("9144030019220382166", "应为18位，输入为19位")]
    [InlineData("9144030019220382I6", "第17位字符“I”不在")]
    [InlineData("91440300O92203821A", "第9位字符“O”不在")]
    [InlineData("914403001922038Z16", "不使用 I、O、Z、S、V")]
    [InlineData("B14403001922038216", "第1位登记管理部门代码“B”无效")]
    [InlineData("944403001922038216", "第2位机构类别代码“4”不属于登记管理部门“工商”")]
    [InlineData("9144A3001922038216", "区划码应为6位数字")]
    [InlineData("914403001922038226", "组织机构代码校验错误：第17位应为“1”，实际为“2”")]
    [InlineData("914403001922038217", "校验码错误：第18位应为“6”，实际为“7”")]
    public void Explains_why_an_input_is_not_a_code(string input, string reason)
    {
        var check = Uscc.Check(input);

        Assert.False(check.IsValid);
        Assert.Null(check.Code);
        Assert.Contains(reason, check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_refuses_an_invalid_code_and_TryParse_reports_it()
    {
        Assert.Throws<FormatException>(() => Uscc.Parse("914403001922038217"));
        Assert.False(Uscc.TryParse("914403001922038217", out var code));
        Assert.Null(code);
        Assert.False(Uscc.TryParse(null, out _));
    }

    [Fact]
    public void Compose_completes_both_check_characters()
    {
        var code = Uscc.Compose('9', '1', "540172", "MA6T2K8P");

        Assert.StartsWith("91540172MA6T2K8P", code.Value, StringComparison.Ordinal);
        Assert.True(Uscc.Check(code.Value).IsValid);
        Assert.Equal("540172", code.RegionCode);
    }

    [Fact]
    public void Every_single_character_change_is_caught()
    {
        // The check character must catch any one substitution (GB 32100's design goal).
        var valid = "914403001922038216";
        for (var position = 0; position < valid.Length; position++)
        {
            foreach (var replacement in "0123456789ABCDEFGHJKLMNPQRTUWXY")
            {
                if (replacement == valid[position])
                {
                    continue;
                }

                var altered = string.Concat(valid.AsSpan(0, position), replacement.ToString(), valid.AsSpan(position + 1));
                Assert.False(Uscc.Check(altered).IsValid, altered);
            }
        }
    }

    [Fact]
    public void Codes_are_equal_by_value()
    {
        Assert.Equal(Uscc.Parse("914403001922038216"), Uscc.Parse(" ９１４４０３００１９２２０３８２１６"));
        Assert.NotEqual(Uscc.Parse("914403001922038216"), Uscc.Parse("9144030071526726XG"));
    }
}
