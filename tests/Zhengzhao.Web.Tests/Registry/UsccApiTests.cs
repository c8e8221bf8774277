using Zhengzhao.Web.Tests.Infrastructure;
using UsccResponse = Zhengzhao.Web.Api.UsccEndpoints.UsccResponse;

namespace Zhengzhao.Web.Tests.Registry;

public sealed class UsccApiTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private readonly HttpClient _client = factory.Anonymous();

    [Fact]
    public async Task A_valid_code_is_decoded()
    {
        var answer = await (await _client.GetAsync("/api/v1/uscc/9144030071526726XG")).ReadAsAsync<UsccResponse>();

        Assert.Equal("9144030071526726XG", answer.Code);
        Assert.True(answer.Valid);
        Assert.Null(answer.Reason);
        Assert.Equal("工商", answer.Department);
        Assert.Equal("企业", answer.Category);
        Assert.Equal("440300", answer.Region);
    }

    [Fact]
    public async Task Full_width_input_is_normalised()
    {
        var answer = await (await _client.GetAsync("/api/v1/uscc/" + Uri.EscapeDataString("９１４４０３００１９２２０３８２１６"))).ReadAsAsync<UsccResponse>();

        Assert.Equal("914403001922038216", answer.Code);
        Assert.True(answer.Valid);
    }

    [Theory]
    [InlineData("91440300192203821", "应为18位")]
    [InlineData("9144030019220382I6", "不使用 I、O、Z、S、V")]
    [InlineData("914403001922038226", "组织机构代码校验错误")]
    [InlineData("914403001922038217", "校验码错误")]
    [InlineData("%E2%9C%93%F0%9F%98%80", "应为18位")]
    [InlineData("%20%20", "不能为空")]
    public async Task An_invalid_code_is_200_with_the_reason(string code, string reason)
    {
        var response = await _client.GetAsync("/api/v1/uscc/" + code);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var answer = await response.ReadAsAsync<UsccResponse>();
        Assert.False(answer.Valid);
        Assert.Contains(reason, answer.Reason, StringComparison.Ordinal);
        Assert.Null(answer.Department);
    }

    [Fact]
    public async Task The_public_check_page_explains_an_invalid_code()
    {
        var page = await _client.GetStringAsync("/Services/Uscc?code=914403001922038217");

        Assert.Contains("代码无效", page, StringComparison.Ordinal);
        Assert.Contains("校验码错误：第18位应为“6”，实际为“7”", page, StringComparison.Ordinal);
    }
}
