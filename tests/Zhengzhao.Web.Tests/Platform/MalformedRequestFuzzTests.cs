using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Platform;

/// <summary>
/// Every operation in the OpenAPI document, sent a bounded set of malformed bodies and parameters, anonymously and with
/// the token of a role allowed there: no answer is a 5xx, every refusal is problem details, and no refusal sends a
/// 100,000-character value back whole. A new endpoint is covered by being in the document.
/// </summary>
public sealed class MalformedRequestFuzzTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private static readonly string Huge = new('甲', 100_000);

    [Fact]
    public async Task No_malformed_request_gets_a_server_error()
    {
        // Both providers: PostgreSQL refuses a NUL in text even as a search term, which SQLite takes silently.
        var document = await (await factory.Anonymous().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var clients = new Dictionary<string, HttpClient> { [string.Empty] = factory.Anonymous() };
        var failures = new List<string>();
        var refused = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                var role = await AllowedRoleAsync(path.Name, method.Method);
                if (!clients.ContainsKey(role))
                {
                    clients[role] = await factory.BearerClientAsync(role);
                }

                foreach (var (url, content, label) in Cases(path.Name, operation.Value))
                {
                    foreach (var caller in new[] { string.Empty, role })
                    {
                        using var request = new HttpRequestMessage(method, url) { Content = content?.Invoke() };
                        using var response = await clients[caller].SendAsync(request);
                        var body = await response.Content.ReadAsStringAsync();
                        var status = (int)response.StatusCode;
                        refused += status is >= 400 and < 500 ? 1 : 0;
                        var where = $"{method} {path.Name} [{label}] as {(caller.Length == 0 ? "anonymous" : caller)} → {status}";
                        if (status >= 500)
                        {
                            failures.Add($"{where}: {body[..Math.Min(body.Length, 300)]}");
                        }
                        else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                        {
                            failures.Add($"{where} without problem details ({response.Content.Headers.ContentType})");
                        }
                        else if (status >= 400 && body.Contains(Huge[..1_000], StringComparison.Ordinal))
                        {
                            failures.Add($"{where} sends the long value back");
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(refused > 1_000, $"Only {refused} requests were refused: the document or the cases are not what this test expects");
    }

    /// <summary>The malformed requests for one operation: the address with bad route and query values, then bad bodies.</summary>
    private static IEnumerable<(string Url, Func<HttpContent>? Content, string Label)> Cases(string path, JsonElement operation)
    {
        var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
        var route = parameters.Where(p => p.GetProperty("in").GetString() == "path").ToList();
        var query = parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList();
        var address = Fill(path, route, _ => null);

        foreach (var parameter in route)
        {
            var name = parameter.GetProperty("name").GetString()!;
            // A NUL in the path is refused by Kestrel before the application (and by the test client before sending).
            foreach (var bad in new[] { "not-a-guid", "-1", "2026-13-45", Uri.EscapeDataString(Huge[..2_000]) })
            {
                yield return (Fill(path, route, n => n == name ? bad : null), null, $"route {name}={bad[..Math.Min(bad.Length, 12)]}");
            }
        }

        foreach (var name in query)
        {
            foreach (var bad in new[] { "abc", "99999999999999999999", "2026-02-30", "not-a-guid", "a%00b", Uri.EscapeDataString(Huge) })
            {
                yield return ($"{address}?{name}={bad}", null, $"query {name}={bad[..Math.Min(bad.Length, 12)]}");
            }
        }

        if (!operation.TryGetProperty("requestBody", out var body))
        {
            yield break;
        }

        var types = body.GetProperty("content").EnumerateObject().Select(c => c.Name).ToList();
        yield return (address, () => new StringContent("{\"a\":", Encoding.UTF8, "text/plain"), "text/plain");
        yield return (address, () => new StringContent("<a/>", Encoding.UTF8, "application/xml"), "xml");
        if (types.Contains("application/json"))
        {
            foreach (var json in new[] { string.Empty, "{", "not json", "null", "[]", "123", "\"x\"", "{\"a\":1}", WrongTypes(), Strings(Huge), Strings("a\u0000b") })
            {
                yield return (address, () => new StringContent(json, Encoding.UTF8, "application/json"), $"json {json[..Math.Min(json.Length, 12)]}");
            }
        }

        if (types.Any(t => t.StartsWith("multipart/", StringComparison.Ordinal)))
        {
            yield return (address, () => new MultipartFormDataContent(), "empty multipart");
            yield return (address, () => new MultipartFormDataContent { { new StringContent(Huge), "uscc" }, { new ByteArrayContent([1, 2, 3]), "file", Huge[..5_000] + ".pdf" } }, "huge multipart");
            yield return (address, () => new StringContent("{}", Encoding.UTF8, "application/json"), "json to a form");
        }
    }

    /// <summary>A body in which every usual field name has a value of a type it does not take.</summary>
    private static string WrongTypes() => JsonSerializer.Serialize(Fields.ToDictionary(f => f, f => f.Length % 2 == 0 ? 12345 : AnArray));

    private static readonly object AnArray = new[] { true };

    private static string Strings(string value) => JsonSerializer.Serialize(Fields.ToDictionary(f => f, _ => value));

    private static readonly string[] Fields =
    [
        "uscc", "itemCode", "route", "materials", "signatory", "submit", "renews", "reason", "items", "kind", "days", "approve", "reasons", "agree", "to", "record",
        "findings", "attachments", "userName", "password", "refreshToken", "name", "code", "date", "from", "outcome", "revision", "url", "secret", "events",
        "regionCode", "address", "openingHours", "slots", "uploadId", "note", "text", "content", "department", "role", "region", "on", "until",
    ];

    private static string Fill(string path, List<JsonElement> route, Func<string, string?> value) =>
        route.Aggregate(path, (url, p) =>
        {
            var name = p.GetProperty("name").GetString()!;
            var format = p.TryGetProperty("schema", out var schema) && schema.TryGetProperty("format", out var f) ? f.GetString() : null;
            return url.Replace("{" + name + "}", value(name) ?? (format == "uuid" ? Guid.NewGuid().ToString() : "X"), StringComparison.Ordinal);
        });

    /// <summary>A role the endpoint's authorisation lets in, from its own metadata, or an applicant where any signed-in user may come.</summary>
    private async Task<string> AllowedRoleAsync(string path, string method)
    {
        var endpoint = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .First(e => Normalised(e.RoutePattern.RawText) == path.TrimEnd('/') && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(method) == true);
        var policy = await AuthorizationPolicy.CombineAsync(
            factory.Services.GetRequiredService<IAuthorizationPolicyProvider>(),
            endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
            endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        var allowed = (policy?.Requirements.OfType<RolesAuthorizationRequirement>() ?? [])
            .Aggregate(Roles.All.Select(r => r.Name), (roles, requirement) => roles.Intersect(requirement.AllowedRoles));
        return allowed.FirstOrDefault() ?? Roles.Applicant;
    }

    /// <summary>A route pattern as the OpenAPI document writes it: leading slash, no constraints.</summary>
    private static string Normalised(string? pattern) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(pattern!.TrimStart('/'), @"\{([^}:=?]+)[^}]*\}", "{$1}").TrimEnd('/');
}
