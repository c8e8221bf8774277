using Zhengzhao.Licensing;

namespace Zhengzhao.Tests.Licensing;

/// <summary>What is printed: the permit number and the reasons-and-remedies of a denial.</summary>
public sealed class PermitDocumentTests
{
    [Theory]
    [InlineData("XZ-SYJ", 2026, 123, "XZ-SYJ-2026-000123")]
    [InlineData("XZ-XWGD", 2027, 1, "XZ-XWGD-2027-000001")]
    [InlineData("LS-JKQ", 2026, 999999, "LS-JKQ-2026-999999")]
    public void A_number_is_the_department_the_year_and_a_six_digit_serial(string department, int year, int serial, string expected) =>
        Assert.Equal(expected, PermitNumbers.Format(department, year, serial));

    [Fact]
    public void A_denial_gives_the_reasons_and_both_remedies_with_their_time_limits_and_the_reconsideration_body()
    {
        var text = string.Join("\n", DenialNotice.Paragraphs(new(
            "电影放映单位设立审批", "XZ-XWGD-SL-2026-000004", "放映设备未达到《电影放映质量》标准。", DenialNotice.ReconsiderationBody("西藏自治区"))));

        Assert.Contains("决定不予行政许可", text, StringComparison.Ordinal);
        Assert.Contains("放映设备未达到《电影放映质量》标准。", text, StringComparison.Ordinal);
        Assert.Contains("六十日内向西藏自治区人民政府申请行政复议", text, StringComparison.Ordinal);
        Assert.Contains("六个月内依法向人民法院提起行政诉讼", text, StringComparison.Ordinal);
        Assert.Contains("第三十八条第二款", text, StringComparison.Ordinal);
    }
}
