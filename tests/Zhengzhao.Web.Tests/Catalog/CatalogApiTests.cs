using System.Net;
using Zhengzhao.Catalog;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Api.CatalogEndpoints;

namespace Zhengzhao.Web.Tests.Catalog;

public sealed class CatalogApiTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private readonly HttpClient _client = factory.Anonymous();

    [Fact]
    public async Task The_official_catalogue_holds_the_four_items_the_notice_names()
    {
        var list = await (await _client.GetAsync("/api/v1/items?catalog=official")).ReadAsAsync<ItemList>();

        var items = list.Items;
        Assert.Equal(4, list.Total);
        Assert.Equal(
            ["国产非特殊用途化妆品备案", "外商投资影院电影放映许可", "国内船舶管理业务经营审批", "电影发行单位设立、变更审批"],
            items.Select(i => i.Name));
        Assert.Equal(["Filing", "Commitment", "Transparent", "StrictAccess"], items.Select(i => i.Mode));
        Assert.All(items, i => Assert.Equal("official", i.Catalog));
        Assert.All(items, i => Assert.Equal(1, i.Version));
    }

    [Fact]
    public async Task The_demo_catalogue_covers_every_mode_and_is_labelled_demo()
    {
        var list = await (await _client.GetAsync("/api/v1/items?catalog=demo")).ReadAsAsync<ItemList>();

        Assert.True(list.Total >= 25);
        Assert.All(list.Items, i => Assert.Equal("demo", i.Catalog));
        foreach (var mode in CatalogTerms.Modes)
        {
            Assert.True(list.CountsByMode[mode.ToString()] > 0, mode.ToString());
        }
    }

    [Fact]
    public async Task Filters_by_mode_department_and_keyword()
    {
        var commitment = await (await _client.GetAsync("/api/v1/items?mode=Commitment&catalog=official")).ReadAsAsync<ItemList>();
        var film = await (await _client.GetAsync("/api/v1/items?department=XZ-XWGD&catalog=official")).ReadAsAsync<ItemList>();
        var keyword = await (await _client.GetAsync("/api/v1/items?q=" + Uri.EscapeDataString("船舶"))).ReadAsAsync<ItemList>();

        Assert.Equal(["XZ2018-C01"], commitment.Items.Select(i => i.Code));
        Assert.Equal(["XZ2018-C01", "XZ2018-S01"], film.Items.Select(i => i.Code));
        Assert.Contains("XZ2018-T01", keyword.Items.Select(i => i.Code));
    }

    [Fact]
    public async Task An_item_answers_with_its_guide_fields()
    {
        var item = await (await _client.GetAsync("/api/v1/items/XZ2018-C01")).ReadAsAsync<ItemDetail>();

        Assert.Equal("XZ2018-C01", item.Code);
        Assert.Equal("Commitment", item.Mode);
        Assert.Equal("XZ-XWGD", item.Department);
        Assert.Equal("official", item.Catalog);
        Assert.True(item.CommittedLimitDays <= item.StatutoryLimitDays);
        Assert.Equal(["ForeignInvested"], item.Content.EnterpriseTypes.Select(t => t.ToString()));
        Assert.False(string.IsNullOrEmpty(item.Content.CommitmentLetterText));
    }

    [Theory]
    [InlineData("/api/v1/items?mode=Approval", 400, "mode")]
    [InlineData("/api/v1/items?mode=1", 400, "mode")]
    [InlineData("/api/v1/items?catalog=secret", 400, "catalog")]
    [InlineData("/api/v1/items/NO-SUCH", 404, "NO-SUCH")]
    [InlineData("/api/v1/items/XZ2018-C01?version=7", 404, "第 7 版")]
    [InlineData("/api/v1/items/XZ2018-C01?version=latest", 400, "version")]
    public async Task Bad_queries_are_problems(string path, int status, string mentioned)
    {
        var problem = await (await _client.GetAsync(path)).AssertProblemAsync(status);

        Assert.Contains(mentioned, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_pages_show_the_guide_the_notice_and_the_letter()
    {
        var catalogue = await _client.GetStringAsync("/Catalog?catalog=Official");
        var guide = await _client.GetStringAsync("/Catalog/Item/XZ2018-T01");
        var notice = await _client.GetStringAsync("/Catalog/Item/XZ2018-T01/Notice");
        var letter = await _client.GetStringAsync("/Catalog/Item/XZ2018-C01/Letter");
        var noLetter = await _client.GetStringAsync("/Catalog/Item/XZ2018-T01/Letter");

        Assert.Contains("外商投资影院电影放映许可", catalogue, StringComparison.Ordinal);
        Assert.Contains("办理环节与时限", guide, StringComparison.Ordinal);
        Assert.Contains("一次性告知书", notice, StringComparison.Ordinal);
        Assert.Contains("不会再次要求补充其他材料", notice, StringComparison.Ordinal);
        Assert.Contains("告知承诺书", letter, StringComparison.Ordinal);
        Assert.Contains("不实行告知承诺制", noLetter, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/Catalog/Item/NO-SUCH")).StatusCode);
    }
}
