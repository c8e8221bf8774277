using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Platform;

/// <summary>
/// What the API answers when the framework, not a use case, turns a request away: a missing, bad or expired token, a
/// role that may not call the operation, a multipart body cut off mid-part, an encoded slash in a route value. Each is
/// problem details whose Chinese detail tells the caller what to do; pages keep sending people to the login form.
/// </summary>
public sealed partial class AuthorizationProblemTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task A_call_without_a_token_is_401_telling_the_caller_to_sign_in()
    {
        var problem = await (await factory.Anonymous().GetAsync("/api/v1/licensing/applications")).AssertProblemAsync(401);

        Assert.Equal("/problems/401", problem.GetProperty("type").GetString());
        Assert.Contains("登录", Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_garbage_or_expired_token_is_401_telling_the_caller_to_sign_in_again()
    {
        var garbage = factory.Anonymous();
        garbage.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        var expired = await factory.BearerClientAsync(Roles.Applicant);
        factory.Clock.Advance(TimeSpan.FromHours(2));

        foreach (var client in new[] { garbage, expired })
        {
            var problem = await (await client.GetAsync("/api/v1/licensing/applications")).AssertProblemAsync(401);

            Assert.Equal("/problems/401", problem.GetProperty("type").GetString());
            Assert.Contains("重新登录", Detail(problem), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("GET", "/api/v1/licensing/applications", null)]
    [InlineData("GET", "/api/v1/identity/me", null)]
    [InlineData("GET", "/api/v1/licensing/applications", "Basic ZGVtbzpkZW1v")]
    [InlineData("GET", "/api/v1/identity/me", "Bearer not-a-token")]
    public async Task Every_401_names_the_bearer_scheme_to_sign_in_with(string method, string path, string? authorization)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await factory.Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task A_wrong_password_at_the_token_endpoint_is_401_naming_the_bearer_scheme()
    {
        var response = await factory.Anonymous().PostAsJsonAsync("/api/v1/identity/token", new { userName = "no-such-account", password = "wrong-password-1" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task A_token_of_a_role_that_may_not_call_the_operation_is_403_saying_so()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);

        var problem = await (await applicant.GetAsync("/api/v1/licensing/verifications")).AssertProblemAsync(403);

        Assert.Equal("/problems/403", problem.GetProperty("type").GetString());
        Assert.Contains("角色", Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_still_sends_a_person_without_a_session_to_the_login_form()
    {
        var response = await factory.Anonymous().GetAsync("/Licensing");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multipart_upload_cut_off_mid_part_is_400_saying_the_body_is_incomplete()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var body = "--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"材料.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj << >> end";
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=cut");

        var problem = await (await applicant.PostAsync("/api/v1/licensing/uploads", content)).AssertProblemAsync(400);

        Assert.Contains("multipart/form-data", Detail(problem), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/items/SL%2F001")]
    [InlineData("/api/v1/permits/XZ%2f2026%2f0001")]
    [InlineData("/api/v1/no-such%2Fthing")]
    public async Task An_encoded_slash_in_a_route_value_is_404_with_a_Chinese_detail(string path)
    {
        var problem = await (await factory.Anonymous().GetAsync(path)).AssertProblemAsync(404);

        Assert.NotEmpty(Detail(problem));
    }

    private static string Detail(JsonElement problem)
    {
        Assert.True(problem.TryGetProperty("detail", out var detail), $"No detail in {problem}");
        var text = detail.GetString()!;
        Assert.Matches(Chinese(), text);
        return text;
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
