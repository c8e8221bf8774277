using System.Net.Http.Json;
using System.Text;
using Zhengzhao.Web.Tests.Infrastructure;
using ScopeResponse = Zhengzhao.Web.Api.ScopeEndpoints.ScopeResponse;

namespace Zhengzhao.Web.Tests.Coordination;

public sealed class ScopeAnalysisTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private const string Scope = "许可项目：电影放映；食品销售；道路普通货物运输。（依法须经批准的项目，经相关部门批准后方可开展经营活动）一般项目：日用百货销售。";

    private async Task<List<string>> CodesAsync(string scope, string type, string region = "540172")
    {
        var response = await factory.Anonymous().PostAsJsonAsync("/api/v1/scope-analysis", new { businessScope = scope, enterpriseType = type, region });
        var answer = await response.ReadAsAsync<ScopeResponse>();
        return [.. answer.Items.Select(i => i.Code).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task A_domestic_company_is_told_each_permit_its_scope_needs()
    {
        var response = await factory.Anonymous().PostAsJsonAsync("/api/v1/scope-analysis", new { businessScope = Scope, enterpriseType = "DomesticCompany", region = "540172" });
        var items = (await response.ReadAsAsync<ScopeResponse>()).Items;

        Assert.Equal(["SL-012", "SL-014", "SL-016"], items.Select(i => i.Code).Order(StringComparer.Ordinal));
        var food = items.Single(i => i.Code == "SL-014");
        Assert.Equal("食品经营许可", food.Name);
        Assert.Equal("食品药品监管局", food.Department);
        Assert.Equal("Transparent", food.Mode);
        Assert.Equal("食品销售", food.Matched);
    }

    [Fact]
    public async Task An_item_for_foreign_invested_companies_matches_only_that_type()
    {
        var foreign = await CodesAsync(Scope, "ForeignInvested");
        var domestic = await CodesAsync(Scope, "DomesticCompany");

        Assert.Contains("XZ2018-C01", foreign);
        Assert.DoesNotContain("SL-016", foreign);
        Assert.DoesNotContain("XZ2018-C01", domestic);
    }

    [Fact]
    public async Task Full_width_punctuation_and_spaces_give_the_same_answer()
    {
        var plain = await CodesAsync(Scope, "DomesticCompany");
        var fullWidth = await CodesAsync("许可项目：电影　放映，食品销售；道路普通货物运输", "DomesticCompany");

        Assert.Equal(["SL-012", "SL-014", "SL-016"], plain);
        Assert.Equal(plain, fullWidth);
    }

    [Theory]
    [InlineData("", "DomesticCompany", "540100", "businessScope")]
    [InlineData("食品销售", "StateOwned", "540100", "enterpriseType")]
    [InlineData("食品销售", "1", "540100", "enterpriseType")]
    [InlineData("食品销售", "DomesticCompany", "999999", "region")]
    [InlineData("食品销售", "DomesticCompany", "", "region")]
    public async Task Bad_input_is_a_400_problem_naming_the_field(string scope, string type, string region, string field)
    {
        var response = await factory.Anonymous().PostAsJsonAsync("/api/v1/scope-analysis", new { businessScope = scope, enterpriseType = type, region });

        var problem = await response.AssertProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_scope_too_long_or_a_broken_body_is_refused()
    {
        var tooLong = await factory.Anonymous().PostAsJsonAsync("/api/v1/scope-analysis", new { businessScope = new string('食', 5001), enterpriseType = "DomesticCompany", region = "540100" });
        var broken = await factory.Anonymous().PostAsync("/api/v1/scope-analysis", new StringContent("{\"businessScope\": ", Encoding.UTF8, "application/json"));

        await tooLong.AssertProblemAsync(400);
        await broken.AssertProblemAsync(400);
    }

    [Fact]
    public async Task The_public_page_lists_the_permits_with_links_to_their_guides()
    {
        var client = factory.Anonymous();

        var response = await ZhengzhaoFactory.PostFormAsync(client, "/Services/Scope", new() { ["BusinessScope"] = Scope, ["EnterpriseType"] = "DomesticCompany", ["Region"] = "540102" });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("需要办理 <strong>3</strong> 项许可", page, StringComparison.Ordinal);
        Assert.Contains("/Catalog/Item/SL-014", page, StringComparison.Ordinal);
    }
}
