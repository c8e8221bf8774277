using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Web.Tests.Infrastructure;
using UploadView = Zhengzhao.Web.Api.LicensingEndpoints.UploadView;

namespace Zhengzhao.Web.Tests.Licensing;

/// <summary>The calls the licensing tests make: upload a material, file an application, act on it.</summary>
internal static class LicensingApi
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    public static async Task<Guid> UploadAsync(HttpClient client, string name = "材料.pdf", byte[]? bytes = null, string type = "application/pdf", string? uscc = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes ?? Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", name);
        var response = await client.PostAsync("/api/v1/licensing/uploads" + (uscc is null ? string.Empty : "?uscc=" + uscc), form);
        return (await response.ReadAsAsync<UploadView>()).Id;
    }

    /// <summary>Every required material of the item's current version, all as one uploaded PDF.</summary>
    public static async Task<object[]> RequiredMaterialsAsync(this ZhengzhaoFactory factory, HttpClient client, string itemCode, string? uscc = null)
    {
        var required = await factory.WithDbAsync(db => db.ItemVersions.Where(v => v.ItemCode == itemCode && !v.IsDraft).OrderByDescending(v => v.Number).Select(v => v.Content).FirstAsync());
        var upload = await UploadAsync(client, uscc: uscc);
        return [.. required.Materials.Where(m => m.Required).Select(m => (object)new { name = m.Name, upload })];
    }

    /// <summary>An agent at the window who is not the legal representative, with the company's power of attorney the clerk uploaded.</summary>
    public static async Task<object> AgentAsync(HttpClient clerk, string uscc, string name = "次仁") =>
        new { name, documentKind = "ResidentIdCard", documentNumber = SampleRegistration.IdNumber("54010219950505201"), powerOfAttorney = await UploadAsync(clerk, "授权委托书.pdf", uscc: uscc) };

    public static async Task<HttpResponseMessage> FileAsync(HttpClient client, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/licensing/applications") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> ActAsync(HttpClient client, Guid id, string action, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/licensing/applications/{id}/{action}", body ?? new { });
        Assert.True(response.StatusCode == expected, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }
}
