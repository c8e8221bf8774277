using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Platform;

/// <summary>The public permit check, /Verify, as anyone reads it when what they typed or scanned is refused.</summary>
public sealed class VerifyPageTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task A_number_too_long_to_be_one_is_answered_with_one_prompt_that_says_what_to_type_once()
    {
        var page = await factory.Anonymous().GetStringAsync("/Verify?number=" + new string('X', 41));

        Assert.Contains("请输入证照上的证号（不超过40个字符），如 XZ-SYJ-2026-000123。", page, StringComparison.Ordinal);
        Assert.DoesNotContain("请输入证号：", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_code_is_answered_with_the_reason_alone()
    {
        var page = await factory.Anonymous().GetStringAsync("/Verify/not-a-code");

        Assert.Contains(">核验码无效或已被篡改，请扫描证照上的二维码，或按证号查询。<", page, StringComparison.Ordinal);
    }
}
