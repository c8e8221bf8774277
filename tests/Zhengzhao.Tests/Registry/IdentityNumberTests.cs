using Zhengzhao.Registry;

namespace Zhengzhao.Tests.Registry;

public sealed class IdentityNumberTests
{
    private static string Valid(string first17) => first17 + IdentityNumber.ComputeCheckCharacter(first17);

    [Fact]
    public void A_number_with_its_check_character_is_valid_and_shown_masked()
    {
        var (number, reason) = IdentityNumber.Check(Valid("54010219850312101"));

        Assert.Null(reason);
        Assert.Equal("5401**********" + Valid("54010219850312101")[^4..], number!.Masked);
        Assert.Equal(number.Masked, number.ToString());
    }

    [Theory]
    [InlineData("5401021985031210", "应为18位")]
    [InlineData("54010219850312A011", "前17位应为数字")]
    [InlineData("540102198502301011", "不是有效的出生日期")]
    [InlineData("540102185003121011", "不是有效的出生日期")]
    public void A_malformed_number_is_refused_with_the_reason(string input, string reason)
    {
        var (number, why) = IdentityNumber.Check(input);

        Assert.Null(number);
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_check_character_is_caught()
    {
        var valid = Valid("54010219850312101");
        var wrong = valid[..17] + (valid[17] == '1' ? '2' : '1');

        Assert.Contains("校验码错误", IdentityNumber.Check(wrong).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("E12345678", "E1*****78")]
    [InlineData("12345678", "12****78")]
    [InlineData("1234567", "1*****7")]
    [InlineData("123", "***")]
    public void A_shorter_document_number_such_as_a_passport_keeps_at_most_a_quarter_at_each_end(string number, string masked) =>
        Assert.Equal(masked, IdentityNumber.Mask(number));

    [Fact]
    public void The_published_example_of_GB_11643_checks()
    {
        // The standard's own worked example: 11010519491231002X.
        Assert.NotNull(IdentityNumber.Check("11010519491231002x").Number);
    }
}
