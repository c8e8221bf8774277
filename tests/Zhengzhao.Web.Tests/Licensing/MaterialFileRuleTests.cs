using System.Net;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Catalog;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;

namespace Zhengzhao.Web.Tests.Licensing;

/// <summary>
/// An item may hold a material to some file kinds and a smaller size than the platform's; the filing is refused, with
/// the material named, when an attached file is not what the material accepts. Its own fixture: it publishes a
/// version of SL-001.
/// </summary>
public sealed class MaterialFileRuleTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private static readonly byte[] SmallJpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0xFF, 0xD9];

    [Fact]
    public async Task A_material_held_to_small_photos_refuses_a_pdf_and_a_large_photo_and_takes_a_small_one()
    {
        var photo = await RestrictFirstRequiredMaterialAsync("SL-001", new MaterialFileRule([MaterialFileKind.Jpeg], 1));
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var materials = await factory.RequiredMaterialsAsync(applicant, "SL-001");
        var pdf = await UploadAsync(applicant);
        var large = await UploadAsync(applicant, "大照片.jpg", [.. SmallJpeg, .. new byte[(1024 * 1024) + 1]], "image/jpeg");
        var small = await UploadAsync(applicant, "照片.jpg", SmallJpeg, "image/jpeg");
        object[] With(Guid upload) => [.. materials.Select(m => m.GetType().GetProperty("name")!.GetValue(m) as string == photo ? new { name = photo, upload } : m)];

        var asPdf = await FileAsync(applicant, new { itemCode = "SL-001", materials = With(pdf) }, "photo-pdf");
        var tooLarge = await FileAsync(applicant, new { itemCode = "SL-001", materials = With(large) }, "photo-large");
        var taken = await FileAsync(applicant, new { itemCode = "SL-001", materials = With(small) }, "photo-small");

        Assert.Equal(HttpStatusCode.BadRequest, asPdf.StatusCode);
        Assert.Equal($"材料“{photo}”只接受 JPG 文件，所附文件为 PDF。", (await asPdf.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Equal($"材料“{photo}”的文件不超过 1 MB，所附文件为 1 MB。", (await tooLarge.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Applications.CountAsync(a => a.IdempotencyKey == "photo-pdf" || a.IdempotencyKey == "photo-large")));

        // The guide and the filing form say what each material takes, and the browser is offered only that.
        Assert.Contains("JPG，不超过 1 MB", await factory.Anonymous().GetStringAsync("/Catalog/Item/SL-001"), StringComparison.Ordinal);
        var form = await (await factory.CookieClientAsync(Roles.Applicant)).GetStringAsync("/Licensing/New?item=SL-001");
        Assert.Contains("accept=\".jpg,.jpeg,image/jpeg\"", form, StringComparison.Ordinal);
        Assert.Contains("PDF、JPG、PNG，不超过 10 MB", form, StringComparison.Ordinal);
    }

    /// <summary>Publishes a version of the item whose first required material takes only what <paramref name="rule"/> allows.</summary>
    private Task<string> RestrictFirstRequiredMaterialAsync(string code, MaterialFileRule rule) => factory.WithDbAsync(async db =>
    {
        var item = (await db.FindItemAsync(code, CancellationToken.None))!;
        var content = item.LatestPublished!.Content;
        var first = content.Materials.First(m => m.Required);
        var now = DateTime.UtcNow;
        Assert.True(item.SaveDraft(content with { Materials = [.. content.Materials.Select(m => m == first ? m with { Files = rule } : m)] }, now).IsSuccess);
        Assert.True(item.Publish(new DateOnly(2026, 11, 26), "demo-reformoffice", now).IsSuccess);
        db.Record(new Actor("test-arrangement"), factory.Clock, "test.arranged", "Test", code, "测试直接发布的事项版本");
        Assert.Null(await db.SaveItemsAsync(CancellationToken.None));
        return first.Name;
    });
}
