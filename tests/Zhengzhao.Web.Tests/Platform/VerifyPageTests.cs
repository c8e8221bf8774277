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
    public async Task Something_not_shaped_like_a_permit_number_is_shown_what_one_looks_like()
    {
        var page = System.Net.WebUtility.HtmlDecode(await factory.Anonymous().GetStringAsync("/Verify?number=abc"));
        var wellFormed = System.Net.WebUtility.HtmlDecode(await factory.Anonymous().GetStringAsync("/Verify?number=XZ-SYJ-2026-999999"));

        Assert.Contains("证号形如 XZ-SYJ-2026-000123（部门代码-年份-六位序号）", page, StringComparison.Ordinal);
        Assert.Contains("没有证号为“XZ-SYJ-2026-999999”的证照。", wellFormed, StringComparison.Ordinal);
        Assert.DoesNotContain("证号形如", wellFormed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_code_in_a_companys_public_address_is_sent_to_the_search_that_says_what_is_wrong()
    {
        var code = SampleRegistration.Code("MA6TKN07");
        var wrong = code[..17] + (code[17] == '0' ? '1' : '0');
        var anyone = factory.Anonymous();

        var malformed = await anyone.GetAsync($"/Publicity/Enterprise/{wrong}");
        var search = System.Net.WebUtility.HtmlDecode(await anyone.GetStringAsync(malformed.Headers.Location!.ToString()));
        var unknown = await anyone.GetAsync($"/Publicity/Enterprise/{code}");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, malformed.StatusCode);
        Assert.Contains("未通过校验", search, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_tampered_code_is_answered_with_the_reason_alone()
    {
        var page = await factory.Anonymous().GetStringAsync("/Verify/not-a-code");

        Assert.Contains(">核验码无效或已被篡改，请扫描证照上的二维码，或按证号查询。<", page, StringComparison.Ordinal);
    }
}
