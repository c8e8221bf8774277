using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Zhengzhao.Catalog;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;
using ImportOutcomeView = Zhengzhao.Web.Api.CatalogEndpoints.ImportOutcomeView;
using ItemDetail = Zhengzhao.Web.Api.CatalogEndpoints.ItemDetail;

namespace Zhengzhao.Web.Tests.Catalog;

/// <summary>Spreadsheet import and export through the API, with real .xlsx files.</summary>
public sealed class CatalogImportTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private static Dictionary<string, object> Row(string code, string name, string mode = "提高透明度和可预期性", string committed = "10") => new()
    {
        ["序号"] = "1",
        ["事项名称"] = name,
        ["审批部门"] = "交通运输厅",
        ["设定依据"] = "《中华人民共和国港口法》第二十二条",
        ["改革方式"] = mode,
        ["具体改革举措"] = "公开审批标准。",
        ["加强事中事后监管措施"] = "双随机抽查。",
        ["事项编码"] = code,
        ["目录"] = "官方目录",
        ["申请条件"] = "有固定的经营场所\n有相应的设施设备|《港口经营管理规定》第七条",
        ["申请材料"] = "申请书|原件|1|必要\n授权委托书|原件|1|委托他人办理的",
        ["办理环节"] = "受理|1\n审查|5\n决定|2",
        ["法定时限"] = "20",
        ["承诺时限"] = committed,
        ["生效日期"] = "2026-11-01",
    };

    private static byte[] Workbook(params Dictionary<string, object>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: CatalogSheet.SheetName);
        return stream.ToArray();
    }

    /// <summary>The file imported on the reform office's page, as a person submits it; the page's HTML.</summary>
    private async Task<string> ImportOnPageAsync(byte[] content)
    {
        var client = await factory.CookieClientAsync(Roles.ReformOffice);
        var page = await client.GetStringAsync("/ReformOffice/Items/Import");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "file", "items.xlsx" },
        };

        return await (await client.PostAsync("/ReformOffice/Items/Import", form)).Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName = "items.xlsx")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/v1/items/import", form);
    }

    [Fact]
    public async Task The_exported_catalogue_imports_back_without_changing_anything()
    {
        var client = await factory.BearerClientAsync(Roles.ReformOffice);
        var before = await factory.WithDbAsync(db => db.ItemVersions.CountAsync());

        var export = await client.GetAsync("/api/v1/items/export?catalog=official");
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var result = await (await UploadAsync(client, bytes)).ReadAsAsync<ImportOutcomeView>();

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new ImportOutcomeView(0, 0, 4), result);
        Assert.Equal(before, await factory.WithDbAsync(db => db.ItemVersions.CountAsync()));
        var header = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false).Cast<IDictionary<string, object>>().First().Values.Take(7);
        Assert.Equal(["序号", "事项名称", "审批部门", "设定依据", "改革方式", "具体改革举措", "加强事中事后监管措施"], header.Select(v => v.ToString()));
    }

    [Fact]
    public async Task A_good_file_imports_once_in_one_audited_transaction_and_again_changes_nothing()
    {
        var client = await factory.BearerClientAsync(Roles.ReformOffice);
        var file = Workbook(Row("XZ2018-T10", "港口经营许可"), Row("XZ2018-T11", "港口理货业务经营许可"));

        var first = await (await UploadAsync(client, file)).ReadAsAsync<ImportOutcomeView>();
        var auditAfterFirst = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());
        var second = await (await UploadAsync(client, file)).ReadAsAsync<ImportOutcomeView>();

        Assert.Equal(new ImportOutcomeView(2, 0, 0), first);
        Assert.Equal(new ImportOutcomeView(0, 0, 2), second);
        Assert.Equal(auditAfterFirst, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
        var item = await (await factory.Anonymous().GetAsync("/api/v1/items/XZ2018-T10")).ReadAsAsync<ItemDetail>();
        Assert.Equal("XZ-JTT", item.Department);
        Assert.Equal(3, item.Content.Steps.Count);
    }

    [Fact]
    public async Task A_file_with_one_bad_row_writes_nothing_and_locates_every_problem()
    {
        var client = await factory.BearerClientAsync(Roles.ReformOffice);
        var bad = Row("XZ2018-T21", "坏行", mode: "特别审批", committed: "30");
        bad["申请材料"] = "申请书|扫描件|1|必要";
        var file = Workbook(Row("XZ2018-T20", "好行"), bad);

        var problem = await (await UploadAsync(client, file)).AssertProblemAsync(400);

        var problems = problem.GetProperty("problems").EnumerateArray().Select(p => (Row: p.GetProperty("row").GetInt32(), Column: p.GetProperty("column").GetString(), Reason: p.GetProperty("reason").GetString()!)).ToList();
        Assert.All(problems, p => Assert.Equal(3, p.Row));
        Assert.Contains(problems, p => p.Column == "改革方式" && p.Reason.Contains("特别审批", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Column == "申请材料" && p.Reason.Contains("第1行", StringComparison.Ordinal));
        Assert.Equal(CatalogSheet.SheetName, problem.GetProperty("problems")[0].GetProperty("sheet").GetString());
        Assert.False(await factory.WithDbAsync(db => db.LicensingItems.AnyAsync(i => i.Code == "XZ2018-T20" || i.Code == "XZ2018-T21")));
    }

    [Fact]
    public async Task A_file_of_many_bad_rows_lists_the_first_thousand_problems_and_says_so_with_the_count_of_all()
    {
        var client = await factory.BearerClientAsync(Roles.ReformOffice);
        var file = Workbook([.. Enumerable.Range(1, 1_100).Select(i => Row($"XZ2018-B{i:D4}", $"坏行{i}", mode: "特别审批"))]);

        var problem = await (await UploadAsync(client, file)).AssertProblemAsync(400);

        var listed = problem.GetProperty("problems").EnumerateArray().ToList();
        var found = problem.GetProperty("problemsFound").GetInt32();
        Assert.True(found >= 1_100, $"{found} problems found");
        Assert.Equal(ImportProblems.Listed, listed.Count);
        Assert.All(listed, p => Assert.True(p.GetProperty("row").GetInt32() > 1));
        Assert.Equal($"文件中有 {found:N0} 处问题，未写入任何数据；下列前 1,000 处。", problem.GetProperty("detail").GetString());
        Assert.False(await factory.WithDbAsync(db => db.LicensingItems.AnyAsync(i => i.Code.StartsWith("XZ2018-B"))));

        var page = await ImportOnPageAsync(file);
        Assert.Contains($"文件中有 {found:N0} 处问题，未写入任何数据；下列前 1,000 处：", page, StringComparison.Ordinal);
        Assert.Contains($"<p data-testid=\"import-unlisted\">另有 {found - ImportProblems.Listed:N0} 处问题未列出", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text", "不是 Excel 工作簿")]
    [InlineData("empty", "文件是空的")]
    [InlineData("broken-zip", "无法读取")]
    [InlineData("no-rows", "没有事项数据行")]
    [InlineData("wrong-columns", "缺少")]
    public async Task A_file_that_is_not_a_catalogue_gets_a_clear_error(string kind, string reason)
    {
        var client = await factory.BearerClientAsync(Roles.ReformOffice);
        var content = kind switch
        {
            "text" => "序号,事项名称\n1,食品经营许可"u8.ToArray(),
            "empty" => [],
            "broken-zip" => [.. "PK"u8.ToArray(), .. new byte[200]],
            "no-rows" => Workbook(CatalogSheet.Columns.ToDictionary(c => c, _ => (object)string.Empty)),
            _ => Workbook(new Dictionary<string, object> { ["姓名"] = "x", ["年龄"] = "1" }),
        };

        var problem = await (await UploadAsync(client, content)).AssertProblemAsync(400);

        var text = problem.GetProperty("detail").GetString() + string.Join(" ", problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("reason").GetString()));
        Assert.Contains(reason, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_file_is_refused_before_it_is_read()
    {
        var client = await factory.BearerClientAsync(Roles.ReformOffice);

        var problem = await (await UploadAsync(client, new byte[ImportCatalog.MaxBytes + 1])).AssertProblemAsync(400);

        Assert.Contains("超过 5 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_and_export_are_for_the_reform_office_only()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().GetAsync("/api/v1/items/export")).StatusCode);
        var approver = await factory.BearerClientAsync(Roles.Approver);
        Assert.Equal(HttpStatusCode.Forbidden, (await approver.GetAsync("/api/v1/items/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(approver, Workbook(Row("XZ2018-T30", "x")))).StatusCode);
    }

    [Fact]
    public async Task A_workbook_whose_one_cell_inflates_to_200_MB_is_refused_before_any_row_is_read()
    {
        var client = await factory.BearerClientAsync(Roles.ReformOffice);
        var before = await factory.WithDbAsync(db => db.ItemVersions.CountAsync());

        var problem = await (await UploadAsync(client, Workbooks.Bomb(megabytes: 200, shared: false))).AssertProblemAsync(400);

        // The part declares its 200 MB, so it is refused before it is inflated at all.
        Assert.Contains("解压后超过 64 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.ItemVersions.CountAsync()));
    }

    [Fact]
    public async Task A_workbook_declaring_every_column_is_read_by_the_cells_it_holds()
    {
        var client = await factory.BearerClientAsync(Roles.ReformOffice);
        var file = Workbooks.WithDimension(Workbook([.. Enumerable.Range(40, 11).Select(i => Row($"XZ2018-T{i}", $"宽表事项{i}"))]), "A1:XFD12");

        var result = await (await UploadAsync(client, file)).ReadAsAsync<ImportOutcomeView>();

        Assert.Equal(11, result.Created);
    }

    [Fact]
    public async Task An_external_entity_in_the_sheet_is_never_expanded_the_file_is_refused()
    {
        var client = await factory.BearerClientAsync(Roles.ReformOffice);

        var problem = await (await UploadAsync(client, Workbooks.WithExternalEntity(Workbook(Row("XZ2018-T60", "实体"))))).AssertProblemAsync(400);

        Assert.Contains("无法读取", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.LicensingItems.AnyAsync(i => i.Code == "XZ2018-T60")));
    }

    [Fact]
    public async Task A_cell_beginning_like_a_formula_is_refused_with_its_row_and_nothing_is_written()
    {
        var client = await factory.BearerClientAsync(Roles.ReformOffice);
        var formula = Row("XZ2018-T71", "港口设施保安证书核发");
        formula["具体改革举措"] = "=HYPERLINK(\"http://x\",\"详见\")";

        var problem = await (await UploadAsync(client, Workbook(Row("XZ2018-T70", "好行"), formula))).AssertProblemAsync(400);

        var found = Assert.Single(problem.GetProperty("problems").EnumerateArray());
        Assert.Equal((3, "具体改革举措"), (found.GetProperty("row").GetInt32(), found.GetProperty("column").GetString()));
        Assert.False(await factory.WithDbAsync(db => db.LicensingItems.AnyAsync(i => i.Code == "XZ2018-T70" || i.Code == "XZ2018-T71")));
    }

    [Fact]
    public async Task An_export_of_an_item_holding_a_formula_keeps_it_text()
    {
        var client = await factory.BearerClientAsync(Roles.ReformOffice);
        await factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var source = (await db.FindItemAsync("XZ2018-T01", CancellationToken.None))!.LatestPublished!.Content;
            var item = db.LicensingItems.Add(new LicensingItem("XZ-DEMO-F1", CatalogKind.Demo, now)).Entity;
            item.SaveDraft(source with { ReformMeasures = "=HYPERLINK(\"x\")" }, now);
            item.Publish(new DateOnly(2026, 1, 1), "旧系统迁移", now);
            await db.SaveArrangedAsync(factory.Clock);
            return 0;
        });

        var bytes = await client.GetByteArrayAsync("/api/v1/items/export?catalog=demo");

        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("'=HYPERLINK(\"x\")", Assert.Single(rows, r => (string)r["事项编码"] == "XZ-DEMO-F1")["具体改革举措"]);
    }
}
