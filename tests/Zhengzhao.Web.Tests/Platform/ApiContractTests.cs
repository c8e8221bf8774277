using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zhengzhao.Tests.Architecture;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Platform;

/// <summary>
/// The OpenAPI document is the contract departments' systems are built against. It is kept beside this test, so a
/// change to any operation, parameter or schema shows as a diff in review instead of reaching a client by accident.
/// </summary>
public sealed class ApiContractTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private static readonly JsonSerializerOptions Readable = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_published_API_is_the_reviewed_contract()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!.AsObject();
        document.Remove("servers"); // where it is served from, not what it offers
        var served = document.ToJsonString(Readable) + "\n";
        var folder = Path.Combine(Repository.Root, "tests", "Zhengzhao.Web.Tests", "Platform");
        var kept = Path.Combine(folder, "openapi-v1.json");
        var received = Path.Combine(folder, "openapi-v1.received.json");

        if (File.Exists(kept) && await File.ReadAllTextAsync(kept) == served)
        {
            File.Delete(received);
            return;
        }

        await File.WriteAllTextAsync(received, served);
        Assert.Fail($"The API contract changed. Review `git diff --no-index {Relative(kept)} {Relative(received)}`; if the change is meant, move the received file over the kept one and commit it.");
    }

    private static string Relative(string path) => Path.GetRelativePath(Repository.Root, path);
}
