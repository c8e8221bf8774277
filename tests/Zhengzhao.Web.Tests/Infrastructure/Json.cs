using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zhengzhao.Web.Tests.Infrastructure;

public static class Json
{
    /// <summary>The API's own settings (web defaults, enums as names), so a view record reads back as it was written.</summary>
    private static readonly JsonSerializerOptions Api = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// A successful answer as the API's view record, so that a renamed or removed field breaks the build instead of a
    /// test at run time. A refusal fails here with its problem text, rather than reading back as an empty record.
    /// </summary>
    public static async Task<T> ReadAsAsync<T>(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var value = await response.Content.ReadFromJsonAsync<T>(Api);
        Assert.NotNull(value);
        return value;
    }

    /// <summary>An answer already read as JSON (as <c>LicensingApi.ActAsync</c> returns it), as the API's view record.</summary>
    public static T As<T>(this JsonElement json)
    {
        var value = json.Deserialize<T>(Api);
        Assert.NotNull(value);
        return value;
    }

    /// <summary>Asserts an RFC 9457 answer: the status, the media type, and a problem type under /problems/.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, int status)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("/problems/", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}
