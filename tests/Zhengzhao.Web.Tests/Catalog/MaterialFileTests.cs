using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Catalog;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Catalog;

/// <summary>Templates and filled samples: uploaded by the reform office, published with a version, downloaded by anyone.</summary>
public sealed class MaterialFileTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private Task<Result<MaterialFile>> AttachAsync(string material, string fileName, byte[] content) =>
        factory.WithUseCaseAsync<AttachMaterialFile, Result<MaterialFile>>(attach =>
            attach.HandleAsync(new("XZ2018-T01", material, AttachMaterialFile.Slot.Template, fileName, content, new Actor("demo-reformoffice"))));

    [Fact]
    public async Task A_published_template_is_downloadable_from_the_guide_and_survives_a_reimport()
    {
        var material = await factory.WithDbAsync(async db => (await db.ItemVersions.SingleAsync(v => v.ItemCode == "XZ2018-T01")).Content.Materials[0].Name);

        var attached = await AttachAsync(material, "申请书模板.pdf", Pdf);
        Assert.True(attached.IsSuccess, attached.Refusal?.Detail);
        var client = await factory.CookieClientAsync(Roles.ReformOffice);
        await ZhengzhaoFactory.PostFormAsync(client, "/ReformOffice/Items/Versions?handler=Publish&code=XZ2018-T01", new() { ["validFrom"] = "2026-11-26" }, formPage: "/ReformOffice/Items/Versions?code=XZ2018-T01");

        var guide = await factory.Anonymous().GetStringAsync("/Catalog/Item/XZ2018-T01");
        Assert.Contains($"/Catalog/Files/{attached.Value!.Id}", guide, StringComparison.Ordinal);
        var download = await factory.Anonymous().GetAsync($"/Catalog/Files/{attached.Value.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Anonymous().GetAsync($"/Catalog/Files/{Guid.NewGuid()}")).StatusCode);

        // Exporting and importing the catalogue again, which carries no files, changes nothing.
        var office = await factory.BearerClientAsync(Roles.ReformOffice);
        var export = await (await office.GetAsync("/api/v1/items/export?catalog=official")).Content.ReadAsByteArrayAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(export), "file", "catalog.xlsx" } };
        var reimport = await (await office.PostAsync("/api/v1/items/import", form)).ReadJsonAsync();
        Assert.Equal(4, reimport.GetProperty("unchanged").GetInt32());
    }

    [Theory]
    [InlineData("模板.exe", "不支持“.exe”文件")]
    [InlineData("模板.docx", "文件内容与“.docx”格式不符")]
    public async Task A_file_of_the_wrong_kind_is_refused_and_nothing_is_stored(string fileName, string reason)
    {
        var before = await factory.WithDbAsync(db => db.MaterialFiles.CountAsync());

        var result = await AttachAsync("国内船舶管理业务经营申请书", fileName, Pdf);

        Assert.Contains(reason, result.Refusal!.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.MaterialFiles.CountAsync()));
    }

    [Fact]
    public async Task A_file_for_a_material_the_item_does_not_list_is_refused()
    {
        var result = await AttachAsync("不存在的材料", "x.pdf", Pdf);

        Assert.Equal("catalog/material-not-found", result.Refusal!.Type);
    }
}
