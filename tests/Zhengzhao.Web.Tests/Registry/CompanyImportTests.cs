using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Registry;
using Zhengzhao.Web.Tests.Infrastructure;
using ImportResponse = Zhengzhao.Web.Api.RegistryEndpoints.ImportResponse;

namespace Zhengzhao.Web.Tests.Registry;

/// <summary>Bulk import of existing companies through the API and the registrar's page, with real CSV and .xlsx files.</summary>
public sealed class CompanyImportTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private static string Code(string organisation, char category = '1', string region = "540102") => Uscc.Compose('9', category, region, organisation).Value;

    private static string Person(string birth = "19860412", string sequence = "215")
    {
        var first17 = "540102" + birth + sequence;
        return first17 + IdentityNumber.ComputeCheckCharacter(first17);
    }

    private static string[] Row(string code, string name = "拉萨市雪域商贸有限公司", string type = "内资企业", string? id = null, string region = "540102", string established = "2015-03-18", string capital = "200", string scope = "许可项目：食品销售。一般项目：日用百货销售；办公用品销售。") =>
        [code, name, type, "扎西", id ?? Person(), "西藏自治区拉萨市城关区北京中路8号", region, "城关区市场监督管理局", established, established, capital, scope];

    private static byte[] CsvFile(params string[][] rows)
    {
        var text = new StringWriter();
        Csv.WriteRecord(text, [.. CompanySheet.Columns]);
        foreach (var row in rows)
        {
            Csv.WriteRecord(text, row);
        }

        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName = "companies.csv")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal) ? Spreadsheet.ContentType : "text/csv");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/v1/registry/imports", form);
    }

    private Task<(int Enterprises, int Changes, int Runs)> CountsAsync() =>
        factory.WithDbAsync(async db => (await db.Enterprises.CountAsync(), await db.EnterpriseChanges.CountAsync(), await db.ImportRuns.CountAsync()));

    [Fact]
    public async Task Valid_rows_import_invalid_rows_are_reported_with_row_column_and_reason()
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);
        var good = Code("MA6TKM01");
        var alsoGood = Code("MA6TKM02", category: '2');
        var file = CsvFile(
            Row(good),
            Row(Code("MA6TKM03")[..17] + "0", name: "校验码错误商贸有限公司"),
            Row(alsoGood, name: "城关区扎西便利店", type: "个体工商户", capital: "3.5"),
            Row(Code("MA6TKM04"), name: "", region: "110101", established: "2015-02-30", capital: "很多"));

        var response = await UploadAsync(client, file);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await response.ReadAsAsync<ImportResponse>();
        Assert.Equal(4, result.Rows);
        Assert.Equal(2, result.Imported);
        Assert.Equal(2, result.Rejected);
        Assert.Equal(0, result.Skipped);

        var report = await client.GetAsync(result.ErrorReport);
        Assert.Equal("text/csv", report.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await report.Content.ReadAsStreamAsync(), Encoding.UTF8);
        var lines = Csv.Read(reader).Select(r => r.Fields).ToList();
        Assert.Equal(["行号", "列", "原因"], lines[0]);
        Assert.Contains(lines, l => l[0] == "3" && l[1] == "统一社会信用代码" && l[2].Contains("校验码", StringComparison.Ordinal));
        Assert.Contains(lines, l => l[0] == "5" && l[1] == "名称" && l[2].Contains("不能为空", StringComparison.Ordinal));
        Assert.Contains(lines, l => l[0] == "5" && l[1] == "区划代码" && l[2].Contains("不是西藏自治区的区划", StringComparison.Ordinal));
        Assert.Contains(lines, l => l[0] == "5" && l[1] == "成立日期" && l[2].Contains("不是有效日期", StringComparison.Ordinal));
        Assert.Contains(lines, l => l[0] == "5" && l[1] == "注册资本（万元）");
        Assert.DoesNotContain(lines, l => l[0] is "2" or "4");

        var shop = await factory.WithDbAsync(db => db.Enterprises.Include(e => e.Changes).SingleAsync(e => e.Uscc == alsoGood));
        Assert.Equal(EnterpriseType.IndividualBusiness, shop.Type);
        Assert.Equal(3.5m, shop.RegisteredCapital);
        Assert.Equal(new DateOnly(2015, 3, 18), shop.EstablishedOn);
        Assert.Equal(EnterpriseStatus.Active, shop.Status);
        Assert.Equal("存量导入", Assert.Single(shop.Changes).Kind);
    }

    [Fact]
    public async Task Identity_numbers_are_stored_encrypted_as_registration_stores_them()
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);
        var code = Code("MA6TKM11");
        var person = Person("19790823", "432");

        await UploadAsync(client, CsvFile(Row(code, id: person)));

        var stored = await factory.WithDbAsync(db => db.Enterprises.SingleAsync(e => e.Uscc == code));
        var file = await factory.WithUseCaseAsync<FindEnterprises, FindEnterprises.File?>(find => find.GetAsync(code, reveal: true));
        Assert.DoesNotContain(person, stored.LegalRepresentativeIdProtected, StringComparison.Ordinal);
        Assert.Equal(IdentityNumber.Mask(person), stored.LegalRepresentativeIdMasked);
        Assert.Equal(person, file!.IdentityNumber);
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_on_the_register()
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);
        var file = CsvFile(Row(Code("MA6TKM21")), Row(Code("MA6TKM22"), name: "拉萨市格桑旅游开发有限公司"));
        await UploadAsync(client, file);
        var before = await factory.WithDbAsync(db => db.Enterprises.AsNoTracking().Where(e => e.Uscc.StartsWith("91540102MA6TKM2")).OrderBy(e => e.Uscc).ToListAsync());
        var counts = await CountsAsync();

        var again = await (await UploadAsync(client, file)).ReadAsAsync<ImportResponse>();

        Assert.Equal(0, again.Imported);
        Assert.Equal(2, again.Skipped);
        var after = await factory.WithDbAsync(db => db.Enterprises.AsNoTracking().Where(e => e.Uscc.StartsWith("91540102MA6TKM2")).OrderBy(e => e.Uscc).ToListAsync());
        Assert.Equal(before.Select(e => (e.Name, e.LegalRepresentativeIdProtected)), after.Select(e => (e.Name, e.LegalRepresentativeIdProtected)));
        Assert.Equal((counts.Enterprises, counts.Changes, counts.Runs + 1), await CountsAsync());
    }

    [Fact]
    public async Task Imported_companies_are_found_by_code_at_once_and_by_any_two_characters_of_their_names_after_the_catch_up()
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);
        var many = Enumerable.Range(0, 40).Select(i => Row(Code($"MA6TKN{i:00}"), name: $"拉萨市鹞鹛第{i}号商贸有限公司")).ToArray();
        var file = CsvFile([Row(Code("MA6TKM41"), name: "拉萨市羊湖鹰隼商贸有限公司"), Row(Code("MA6TKM42"), name: "拉萨市鹰隼旅游开发有限公司"), .. many]);

        (await UploadAsync(client, file)).EnsureSuccessStatusCode();
        Task<NameMatches> FindAsync(string text) => factory.WithDbAsync(async db => (await NameIndex.SearchAsync(db, text, page: 1, size: 50, cap: 1000)).Value!);
        var beforeCatchUp = await FindAsync("鹰隼");
        var byCode = await FindAsync(Code("MA6TKM41"));

        var indexed = await factory.WithUseCaseAsync<IndexNames, int>(index => index.RunAsync(companies: 25));
        var rest = await factory.WithUseCaseAsync<IndexNames, int>(index => index.RunAsync());

        Assert.Equal((0, 1), (beforeCatchUp.Total, byCode.Total));
        Assert.Equal(25, indexed);
        Assert.True(rest >= 17, $"{rest} indexed by the second pass");
        Assert.Equal(0, await factory.WithUseCaseAsync<IndexNames, int>(index => index.RunAsync()));
        Assert.Equal([Code("MA6TKM41"), Code("MA6TKM42")], (await FindAsync("鹰隼")).Codes);
        Assert.Equal([Code("MA6TKM41")], (await FindAsync("羊湖鹰隼")).Codes);
        Assert.Equal(40, (await FindAsync("鹞鹛")).Total);
        Assert.Equal([Code("MA6TKN17")], (await FindAsync("鹞鹛第17号")).Codes);
    }

    [Fact]
    public async Task Each_run_is_recorded_with_its_file_hash_and_one_audit_entry()
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);
        var file = CsvFile(Row(Code("MA6TKM31")), Row(Code("MA6TKM32")), Row(Code("MA6TKM33")));
        var auditBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        var result = await (await UploadAsync(client, file, "存量主体-城关区.csv")).ReadAsAsync<ImportResponse>();

        var id = result.Id;
        var run = await factory.WithDbAsync(db => db.ImportRuns.SingleAsync(r => r.Id == id));
        Assert.Equal("存量主体-城关区.csv", run.FileName);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file)), run.Sha256);
        Assert.Equal(AccountSeeder.DemoUserName(Roles.Regulator), run.UserName);
        Assert.Equal((3, 3, 0), (run.Rows, run.Imported, run.Rejected));
        Assert.NotNull(run.FinishedAt);
        Assert.Equal(auditBefore + 1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "registry.imported" && e.EntityId == id.ToString())));
    }

    [Fact]
    public async Task An_xlsx_workbook_imports_like_a_csv_file()
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);
        var code = Code("MA6TKM41", category: '3', region: "540172");
        var row = Row(code, name: "经开区青稞种植专业合作社", type: "农民专业合作社", region: "540172");
        using var workbook = new MemoryStream();
        workbook.SaveAs(new[] { CompanySheet.Columns.Zip(row).ToDictionary(p => p.First, p => (object)p.Second) });

        var result = await (await UploadAsync(client, workbook.ToArray(), "companies.xlsx")).ReadAsAsync<ImportResponse>();

        Assert.Equal(1, result.Imported);
        var stored = await factory.WithDbAsync(db => db.Enterprises.SingleAsync(e => e.Uscc == code));
        Assert.Equal(("经开区青稞种植专业合作社", EnterpriseType.Cooperative, "540172"), (stored.Name, stored.Type, stored.RegionCode));
    }

    [Theory]
    [InlineData("companies.xls", "not-a-file-type", "不是 .csv 或 .xlsx 文件")]
    [InlineData("companies.csv", "empty", "空文件")]
    [InlineData("companies.xlsx", "broken-zip", "不是有效的 Excel 工作簿")]
    [InlineData("companies.xlsx", "csv-renamed", "不是有效的 Excel 工作簿")]
    [InlineData("companies.csv", "binary", "不是文本格式的 CSV 文件")]
    [InlineData("companies.csv", "missing-column", "缺少“法定代表人身份证号码”")]
    [InlineData("companies.csv", "header-only", "没有可导入的数据行")]
    public async Task A_file_that_cannot_be_imported_gets_a_clear_reason_and_writes_nothing(string fileName, string kind, string reason)
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);
        var valid = CsvFile(Row(Code("MA6TKM51")));
        var content = kind switch
        {
            "empty" => [],
            "broken-zip" => [.. "PK"u8.ToArray(), .. new byte[300]],
            "csv-renamed" => valid,
            "binary" => [0x89, .. "PNG"u8.ToArray(), 0, 0, 0, 13],
            "missing-column" => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(valid).Replace(",法定代表人身份证号码", string.Empty, StringComparison.Ordinal)),
            "header-only" => CsvFile(),
            _ => valid,
        };
        var before = await CountsAsync();

        var problem = await (await UploadAsync(client, content, fileName)).AssertProblemAsync(400);

        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    private static byte[] WorkbookFile(params string[][] rows)
    {
        using var workbook = new MemoryStream();
        workbook.SaveAs(rows.Select(row => CompanySheet.Columns.Zip(row).ToDictionary(p => p.First, p => (object)p.Second)));
        return workbook.ToArray();
    }

    private static async Task<List<string[]>> ReportAsync(HttpClient client, ImportResponse result)
    {
        using var reader = new StreamReader(await client.GetStreamAsync(result.ErrorReport), Encoding.UTF8);
        return [.. Csv.Read(reader).Select(r => r.Fields)];
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_workbook_whose_one_cell_inflates_to_200_MB_is_refused_and_writes_nothing(bool shared)
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);
        var bomb = Workbooks.Bomb(megabytes: 200, shared);
        var before = await CountsAsync();

        var problem = await (await UploadAsync(client, bomb, "companies.xlsx")).AssertProblemAsync(400);

        Assert.True(bomb.Length < 512 * 1024, $"{bomb.Length} bytes");
        Assert.Equal("/problems/registry/import-limit", problem.GetProperty("type").GetString());
        Assert.Contains("超过 32,767 字的单元格", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_workbook_of_millions_of_shared_strings_with_a_wrong_header_is_refused_for_its_header_having_read_only_the_header()
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);
        var flood = Workbooks.SharedStringFlood(["事项编码", "事项名称", "实施部门"], more: 4_000_000);
        var before = await CountsAsync();

        var problem = await (await UploadAsync(client, flood, "companies.xlsx")).AssertProblemAsync(400);

        Assert.True(flood.Length < 1024 * 1024, $"{flood.Length} bytes");
        Assert.Equal("/problems/registry/import-header", problem.GetProperty("type").GetString());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_workbook_declaring_every_column_is_read_by_the_cells_it_holds()
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);
        var rows = Enumerable.Range(0, 11).Select(i => Row(Code($"MA6TKQ{i:00}"), name: $"拉萨市宽表第{i}号商贸有限公司")).ToArray();
        var file = Workbooks.WithDimension(WorkbookFile(rows), "A1:XFD12");

        var result = await (await UploadAsync(client, file, "companies.xlsx")).ReadAsAsync<ImportResponse>();

        Assert.Equal((11, 11, 0), (result.Rows, result.Imported, result.Rejected));
    }

    [Fact]
    public async Task An_external_entity_in_the_sheet_is_never_expanded_the_file_is_refused()
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);
        var file = Workbooks.WithExternalEntity(WorkbookFile(Row(Code("MA6TKQ51"))));
        var before = await CountsAsync();

        var problem = await (await UploadAsync(client, file, "companies.xlsx")).AssertProblemAsync(400);

        Assert.Equal("/problems/registry/import-unreadable", problem.GetProperty("type").GetString());
        Assert.DoesNotContain("root:", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Text_beginning_like_a_formula_is_refused_with_its_row_in_csv_and_in_a_workbook()
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);
        string[][] rows =
        [
            Row(Code("MA6TKQ61"), name: "=HYPERLINK(\"http://x\",\"雪域\")"),
            Row(Code("MA6TKQ62"), scope: "@SUM(1+1)"),
            Row(Code("MA6TKQ63")),
        ];

        foreach (var (content, fileName) in new[] { (CsvFile(rows), "formulas.csv"), (WorkbookFile(rows), "formulas.xlsx") })
        {
            var result = await (await UploadAsync(client, content, fileName)).ReadAsAsync<ImportResponse>();

            Assert.Equal(2, result.Rejected);
            var report = await ReportAsync(client, result);
            Assert.Contains(report, l => l[0] == "2" && l[1] == "名称" && l[2].Contains("不能以 =、+、-、@ 开头", StringComparison.Ordinal));
            Assert.Contains(report, l => l[0] == "3" && l[1] == "经营范围" && l[2].Contains("不能以 =、+、-、@ 开头", StringComparison.Ordinal));
        }

        Assert.False(await factory.WithDbAsync(db => db.Enterprises.AnyAsync(e => e.Uscc == Code("MA6TKQ61") || e.Uscc == Code("MA6TKQ62"))));
    }

    [Fact]
    public async Task A_nul_byte_after_the_first_4_KB_is_reported_with_its_row_and_not_stored()
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);
        var rows = Enumerable.Range(0, 30).Select(i => Row(Code($"MA6TKR{i:00}"), name: $"拉萨市长文件第{i}号商贸有限公司")).ToList();
        var nul = Code("MA6TKR99");
        rows.Add(Row(nul, name: "拉萨市空\0字符商贸有限公司"));
        var file = CsvFile([.. rows]);

        var result = await (await UploadAsync(client, file)).ReadAsAsync<ImportResponse>();

        Assert.True(Array.IndexOf(file, (byte)0) > 4096);
        Assert.Equal((31, 30, 1), (result.Rows, result.Imported, result.Rejected));
        Assert.Contains(await ReportAsync(client, result), l => l[0] == "32" && l[1] == "名称" && l[2].Contains("控制字符", StringComparison.Ordinal));
        Assert.False(await factory.WithDbAsync(db => db.Enterprises.AnyAsync(e => e.Uscc == nul)));
    }

    [Fact]
    public async Task A_code_repeated_in_one_file_is_reported_with_its_row_not_counted_as_registered()
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);
        var code = Code("MA6TKQ71");

        var result = await (await UploadAsync(client, CsvFile(Row(code), Row(Code("MA6TKQ72")), Row(code, name: "拉萨市重复商贸有限公司")))).ReadAsAsync<ImportResponse>();

        Assert.Equal((3, 2, 0, 1), (result.Rows, result.Imported, result.Skipped, result.Rejected));
        Assert.Contains(await ReportAsync(client, result), l => l[0] == "4" && l[1] == "统一社会信用代码" && l[2].Contains("与第 2 行重复", StringComparison.Ordinal));
        Assert.Equal("拉萨市雪域商贸有限公司", await factory.WithDbAsync(db => db.Enterprises.Where(e => e.Uscc == code).Select(e => e.Name).SingleAsync()));
    }

    [Fact]
    public async Task The_error_report_lists_the_first_thousand_problems_and_counts_the_rest()
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);
        var rows = Enumerable.Range(0, 1_200).Select(_ => Row("1", name: "")).ToArray();

        var result = await (await UploadAsync(client, CsvFile(rows))).ReadAsAsync<ImportResponse>();
        var report = await ReportAsync(client, result);

        // Each row has a wrong code and no name: two problems.
        var problems = result.Problems;
        Assert.Equal(2_400, problems);
        Assert.Equal(ImportProblems.Listed + 2, report.Count);
        Assert.Equal($"另有 {problems - ImportProblems.Listed:N0} 处问题未列出，请改正以上问题后重新导入。", report[^1][2]);
    }

    [Fact]
    public async Task A_quote_never_closed_is_reported_with_its_row()
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);
        var text = Encoding.UTF8.GetString(CsvFile(Row(Code("MA6TKQ81")))) + string.Join(",", Row(Code("MA6TKQ82"), name: "\"拉萨市引号商贸有限公司")) + "\r\n" + string.Join(",", Row(Code("MA6TKQ83"))) + "\r\n";

        var result = await (await UploadAsync(client, Encoding.UTF8.GetBytes(text))).ReadAsAsync<ImportResponse>();

        Assert.Equal((2, 1, 1), (result.Rows, result.Imported, result.Rejected));
        Assert.Contains(await ReportAsync(client, result), l => l[0] == "3" && l[1] == ImportCompanies.WholeRow && l[2].Contains("引号没有闭合", StringComparison.Ordinal));
        Assert.False(await factory.WithDbAsync(db => db.Enterprises.AnyAsync(e => e.Uscc == Code("MA6TKQ82") || e.Uscc == Code("MA6TKQ83"))));
    }

    [Fact]
    public async Task Only_the_registrar_may_import()
    {
        var file = CsvFile(Row(Code("MA6TKM61")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(factory.Anonymous(), file)).StatusCode);
        var approver = await factory.BearerClientAsync(Roles.Approver);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(approver, file)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await approver.GetAsync("/api/v1/registry/imports")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await factory.CookieClientAsync(Roles.Applicant)).GetAsync("/Registry/Import")).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Enterprises.AnyAsync(e => e.Uscc == Code("MA6TKM61"))));
    }

    [Fact]
    public async Task The_registrar_imports_on_the_page_and_downloads_the_template_and_the_error_report()
    {
        var client = await factory.CookieClientAsync(Roles.Regulator);
        var page = await client.GetStringAsync("/Registry/Import");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new ByteArrayContent(CsvFile(Row(Code("MA6TKM71")), Row("不是代码"))), "file", "页面导入.csv" },
        };

        var result = await (await client.PostAsync("/Registry/Import", form)).Content.ReadAsStringAsync();
        var template = await client.GetByteArrayAsync("/api/v1/registry/imports/template");

        Assert.Contains("共 2 行：导入 1 户，已登记跳过 0 户，有误 1 行", result, StringComparison.Ordinal);
        Assert.Contains("页面导入.csv", result, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(result, "href=\"(/api/v1/registry/imports/[^\"]+/errors)\"").Groups[1].Value;
        Assert.Contains("统一社会信用代码", await client.GetStringAsync(link), StringComparison.Ordinal);
        Assert.Equal(string.Join(",", CompanySheet.Columns), Encoding.UTF8.GetString(template).TrimStart('\uFEFF').TrimEnd());
    }
}

/// <summary>The platform started with the bulk demo register, as Development starts it.</summary>
public sealed class BulkDemoFactory : ZhengzhaoFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:BulkCompanies"] = "true" };
}

public sealed class DemoCompaniesTests(BulkDemoFactory factory) : IClassFixture<BulkDemoFactory>
{
    [Fact]
    public async Task The_demo_register_imports_cleanly_once_through_the_import()
    {
        var client = await factory.BearerClientAsync(Roles.Regulator);

        var runs = await (await client.GetAsync("/api/v1/registry/imports")).ReadAsAsync<ListImportRuns.Run[]>();

        var demo = Assert.Single(runs, r => r.FileName == DemoCompanies.FileName);
        Assert.Equal(0, demo.Rejected);
        Assert.Equal(demo.Rows, demo.Imported);
        Assert.True(demo.Rows >= 3000);
        Assert.True(await factory.WithDbAsync(db => db.Enterprises.CountAsync()) >= 3000);
    }
}
