using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Platform;

/// <summary>How the API says no: the status a client can act on, a Chinese title, and never the caller's long input back.</summary>
public sealed class ErrorContractTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task A_wrong_media_type_is_415_not_a_missing_endpoint()
    {
        using var text = new StringContent("userName=a&password=b", Encoding.UTF8, "text/plain");
        var applicant = await factory.BearerClientAsync(Roles.Applicant);

        var token = await (await factory.Anonymous().PostAsync("/api/v1/identity/token", text)).AssertProblemAsync(415);
        var upload = await (await applicant.PostAsJsonAsync("/api/v1/licensing/uploads", new { file = "x" })).AssertProblemAsync(415);

        Assert.Equal("不支持的内容类型", token.GetProperty("title").GetString());
        Assert.Contains("application/json", token.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("multipart/form-data", upload.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_method_is_405_with_the_methods_allowed()
    {
        var client = factory.Anonymous();

        var get = await client.GetAsync("/api/v1/identity/token");
        var delete = await client.DeleteAsync("/api/v1/uscc/91540000MA6T0RJG5N");

        await get.AssertProblemAsync(405);
        Assert.Equal(["POST"], get.Content.Headers.Allow);
        Assert.Equal("不支持该请求方法", (await delete.AssertProblemAsync(405)).GetProperty("title").GetString());
        Assert.Equal(["GET"], delete.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_wrong_method_is_405_even_when_the_route_value_is_malformed_and_a_right_one_is_400_for_the_value()
    {
        var client = factory.Anonymous();

        var delete = await client.DeleteAsync("/api/v1/licensing/applications/xyz");
        var put = await client.PutAsync("/api/v1/licensing/applications/xyz/accept", null);
        var get = await client.GetAsync("/api/v1/licensing/applications/xyz");

        await delete.AssertProblemAsync(405);
        Assert.Contains("GET", delete.Content.Headers.Allow);
        await put.AssertProblemAsync(405);
        Assert.Equal(["POST"], put.Content.Headers.Allow);
        Assert.Contains("GUID", (await get.AssertProblemAsync(400)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nul_in_a_query_or_form_field_is_refused_naming_the_field_before_any_store_sees_it()
    {
        var client = factory.Anonymous();

        var search = await (await client.GetAsync("/api/v1/public/enterprises?q=a%00b")).AssertProblemAsync(400);
        var page = await client.GetAsync("/Publicity?q=a%00b");
        var form = await ZhengzhaoFactory.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = "a\0b", ["Password"] = "x" });

        Assert.Equal("参数 q 含有空字符（NUL），请删除后重新提交。", search.GetProperty("errors").GetProperty("q")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("请求无效", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
    }

    [Fact]
    public async Task A_refused_malformed_request_still_carries_the_security_headers()
    {
        var response = await factory.Anonymous().GetAsync("/api/v1/public/enterprises?q=" + Uri.EscapeDataString("有限公司") + "&page=abc");

        await response.AssertProblemAsync(400);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_no_endpoint_has_is_still_404()
    {
        var problem = await (await factory.Anonymous().GetAsync("/api/v1/no-such-thing")).AssertProblemAsync(404);

        Assert.Contains("没有这个接口", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_very_long_value_is_not_sent_back_whole()
    {
        var huge = new string('甲', 100_000);
        var client = factory.Anonymous();

        var date = await client.GetAsync($"/api/v1/calendar/{huge}");
        var page = await client.GetAsync($"/api/v1/public/enterprises?q=拉萨&page={huge}");

        foreach (var response in new[] { date, page })
        {
            var body = await response.Content.ReadAsStringAsync();
            await response.AssertProblemAsync(400);
            Assert.DoesNotContain(new string('甲', 1_000), body, StringComparison.Ordinal);
            Assert.Contains("100000 个字符", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Each_request_body_has_its_own_schema_in_the_OpenAPI_document()
    {
        var document = await (await factory.Anonymous().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var schemas = Property(Property(document, "components"), "schemas");
        var bodies = factory.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .SelectMany(d => d.ParameterDescriptions.Where(p => p.Source == BindingSource.Body).Select(p => (Description: d, p.Type)))
            .Where(b => b.Type.GetProperties().Length > 0 && !b.Type.IsAssignableTo(typeof(System.Collections.IEnumerable)))
            .ToList();

        Assert.NotEmpty(bodies);
        foreach (var (description, type) in bodies)
        {
            var path = "/" + Regex.Replace(description.RelativePath!, @"\{([^}:=?]+)[^}]*\}", "{$1}").TrimEnd('/');
            var operation = Property(Property(Property(document, "paths"), path), description.HttpMethod!.ToLowerInvariant());
            var body = Property(Property(Property(Property(operation, "requestBody"), "content"), "application/json"), "schema");
            Assert.True(body.TryGetProperty("$ref", out var pointer), $"{description.HttpMethod} {path}: {body}");
            var reference = pointer.GetString()!;
            var schema = Property(schemas, reference["#/components/schemas/".Length..]);
            var expected = type.GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order();
            Assert.True(
                expected.SequenceEqual(Property(schema, "properties").EnumerateObject().Select(p => p.Name).Order()),
                $"{description.HttpMethod} {description.RelativePath} takes {type.FullName} but its body points to {reference}");
        }

        // The application view's supplement notice is the core's, a different type of the same short name.
        var supplement = schemas.EnumerateObject().Where(s => s.Name.EndsWith("SupplementRequest", StringComparison.Ordinal)).Select(s => s.Name).ToList();
        Assert.Equal(2, supplement.Count);
    }

    private static JsonElement Property(JsonElement element, string name)
    {
        Assert.True(element.TryGetProperty(name, out var value), $"No {name} in {element.ToString()[..Math.Min(element.ToString().Length, 500)]}");
        return value;
    }
}
