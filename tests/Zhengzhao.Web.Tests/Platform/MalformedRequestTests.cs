using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Platform;

/// <summary>The environment <c>dotnet run</c> starts, where Minimal APIs throw on a request they cannot bind.</summary>
public sealed class DevelopmentFactory : ZhengzhaoFactory
{
    protected override string EnvironmentName => "Development";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:BulkCompanies"] = "false" };
}

/// <summary>A malformed request is a 400 whose Chinese detail names the field and what it should be, in every environment.</summary>
public abstract partial class MalformedRequestTests(ZhengzhaoFactory factory)
{
    [Fact]
    public async Task A_query_value_of_the_wrong_type_names_the_parameter()
    {
        var page = await BadRequestAsync(await factory.Anonymous().GetAsync("/api/v1/public/enterprises?q=拉萨&page=abc"), "page");
        var approver = await factory.BearerClientAsync(Roles.Approver);
        var closed = await BadRequestAsync(await approver.GetAsync("/api/v1/coordination/tracking?includeClosed=abc"), "includeClosed");

        Assert.Contains("整数", page, StringComparison.Ordinal);
        Assert.Contains("abc", page, StringComparison.Ordinal);
        Assert.Contains("true 或 false", closed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_field_of_the_wrong_type_names_its_place_in_the_body()
    {
        var anonymous = factory.Anonymous();
        var applicant = await factory.BearerClientAsync(Roles.Applicant);

        var userName = await BadRequestAsync(await anonymous.PostAsJsonAsync("/api/v1/identity/token", new { userName = 12345, password = "x" }), "userName");
        var upload = await BadRequestAsync(
            await applicant.PostAsJsonAsync("/api/v1/licensing/applications", new { itemCode = "SL-016", materials = new[] { new { name = "营业执照", upload = "abc" } } }),
            "materials[0].upload");
        var submit = await BadRequestAsync(await applicant.PostAsJsonAsync("/api/v1/licensing/applications", new { itemCode = "SL-016", submit = "yes" }), "submit");

        Assert.Contains("字符串", userName, StringComparison.Ordinal);
        Assert.Contains("GUID", upload, StringComparison.Ordinal);
        Assert.Contains("true 或 false", submit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "缺少请求体")]
    [InlineData("{\"userName\": \"a\",", "不是有效的 JSON")]
    [InlineData("not json", "不是有效的 JSON")]
    [InlineData("[]", "JSON 对象")]
    [InlineData("null", "缺少请求体")]
    public async Task An_empty_or_malformed_body_says_what_the_body_should_be(string body, string expected)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await factory.Anonymous().PostAsync("/api/v1/identity/token", content);

        var problem = await response.AssertProblemAsync(400);
        Assert.Contains(expected, Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_identifier_in_the_route_names_the_parameter()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);

        var detail = await BadRequestAsync(await applicant.GetAsync("/api/v1/licensing/applications/not-a-guid"), "id");
        var anonymous = await BadRequestAsync(await factory.Anonymous().PostAsync("/api/v1/licensing/applications/123/submit", null), "id");

        Assert.Contains("GUID", detail, StringComparison.Ordinal);
        Assert.Contains("GUID", anonymous, StringComparison.Ordinal);
    }

    /// <summary>Asserts a 400 problem with a Chinese detail naming the field, in the detail and among the errors.</summary>
    private static async Task<string> BadRequestAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.AssertProblemAsync(400);
        var detail = Detail(problem);
        Assert.Contains(field, detail, StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for {field}: {problem}");
        return detail;
    }

    private static string Detail(JsonElement problem)
    {
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Matches(Chinese(), detail);
        return detail;
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}

public sealed class MalformedRequestsInDevelopmentTests(DevelopmentFactory factory) : MalformedRequestTests(factory), IClassFixture<DevelopmentFactory>;

public sealed class MalformedRequestsUnderTestTests(ZhengzhaoFactory factory) : MalformedRequestTests(factory), IClassFixture<ZhengzhaoFactory>;
