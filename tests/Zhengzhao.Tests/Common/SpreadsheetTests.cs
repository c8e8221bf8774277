using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using Zhengzhao.Common;

namespace Zhengzhao.Tests.Common;

/// <summary>Reading untrusted .xlsx files: real workbooks, built part by part where a spreadsheet program would not write the shape.</summary>
public sealed class SpreadsheetTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly SheetLimits Small = new(MaxPartBytes: 1 << 20, MaxStringTableChars: 10_000, MaxRows: 100, MaxColumns: 20, MaxCellLength: 1_000);

    private static MemoryStream Workbook(string sheetData, string? sharedStrings = null, string? styles = null, string before = "", string head = "")
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }

            Add("xl/workbook.xml", $"""<workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Add("xl/worksheets/sheet1.xml", $"""<?xml version="1.0" encoding="UTF-8"?>{before}<worksheet xmlns="{Main}">{head}<sheetData>{sheetData}</sheetData></worksheet>""");
            if (sharedStrings is not null)
            {
                Add("xl/sharedStrings.xml", $"""<sst xmlns="{Main}">{sharedStrings}</sst>""");
            }

            if (styles is not null)
            {
                Add("xl/styles.xml", $"""<styleSheet xmlns="{Main}">{styles}</styleSheet>""");
            }
        }

        stream.Position = 0;
        return stream;
    }

    private static List<(int Row, string[] Cells)> Read(Stream workbook, SheetLimits? limits = null) => [.. Spreadsheet.ReadRows(workbook, limits ?? Small)];

    private static string Rows(int count, string cells = """<c t="inlineStr"><is><t>甲</t></is></c><c t="inlineStr"><is><t>乙</t></is></c>""") =>
        string.Concat(Enumerable.Range(1, count).Select(r => $"""<row r="{r}">{cells}</row>"""));

    [Fact]
    public void Cells_read_as_typed_from_shared_strings_rich_text_inline_strings_numbers_and_dates()
    {
        using var workbook = Workbook(
            """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t xml:space="preserve"> 内联 </t></is></c></row>
            <row r="3"><c r="A3"><v>3.5</v></c><c r="B3" s="1"><v>42081</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="str"><f>A3*2</f><v>7</v></c><c r="E3"><v>1.2E+3</v></c></row>
            """,
            sharedStrings: """<si><t>拉萨市雪域商贸有限公司</t></si><si><r><t>扎</t></r><r><rPr><b/></rPr><t>西</t></r><rPh sb="0" eb="1"><t>zhaxi</t></rPh></si>""",
            styles: """<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>""");

        var rows = Read(workbook);

        Assert.Equal([1, 3], rows.Select(r => r.Row));
        Assert.Equal(["拉萨市雪域商贸有限公司", "扎西", "", "内联"], rows[0].Cells);
        Assert.Equal(["3.5", "2015-03-18", "TRUE", "7", "1200"], rows[1].Cells);
    }

    [Fact]
    public void A_workbook_written_by_miniexcel_reads_back()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { new Dictionary<string, object> { ["名称"] = "拉萨市雪域商贸有限公司", ["注册资本"] = 200 } }, sheetName: "名单");
        stream.Position = 0;

        Assert.Equal(["名单"], Spreadsheet.SheetNames(stream, Small));
        var rows = Read(stream);
        Assert.Equal(["名称", "注册资本"], rows[0].Cells);
        Assert.Equal(["拉萨市雪域商贸有限公司", "200"], rows[1].Cells);
    }

    [Fact]
    public void The_declared_dimension_is_never_trusted_a_row_has_the_cells_it_holds()
    {
        using var workbook = Workbook(Rows(12), head: """<dimension ref="A1:XFD1048576"/>""");

        var rows = Read(workbook, Small with { MaxColumns = 2 });

        Assert.Equal(12, rows.Count);
        Assert.All(rows, r => Assert.Equal(["甲", "乙"], r.Cells));
    }

    [Fact]
    public void A_cell_beyond_the_last_column_is_refused_an_empty_one_is_passed_over()
    {
        using var styled = Workbook("""<row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c><c r="XFD1" s="1"/></row>""");
        using var filled = Workbook("""<row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c><c r="XFD1"><v>1</v></c></row>""");

        Assert.Equal(["甲"], Assert.Single(Read(styled)).Cells);
        var refusal = Assert.Throws<SheetLimitException>(() => Read(filled));
        Assert.Contains("超过了 20 列", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_past_the_limit_are_refused_whether_counted_or_numbered()
    {
        using var many = Workbook(Rows(101));
        using var far = Workbook("""<row r="1048576"><c t="inlineStr"><is><t>甲</t></is></c></row>""");

        Assert.Contains("超过 100 行", Assert.Throws<SheetLimitException>(() => Read(many)).Message, StringComparison.Ordinal);
        Assert.Throws<SheetLimitException>(() => Read(far));
    }

    [Fact]
    public void A_cell_longer_than_the_limit_is_refused_with_its_row_inline_or_shared()
    {
        var text = new string('藏', 1_001);
        using var inline = Workbook($"""<row r="1"><c t="inlineStr"><is><t>甲</t></is></c></row><row r="2"><c t="inlineStr"><is><t>{text}</t></is></c></row>""");
        using var shared = Workbook("""<row r="1"><c t="s"><v>0</v></c></row>""", sharedStrings: $"<si><t>{text}</t></si>");

        Assert.Contains("第 2 行有超过 1,000 字的单元格", Assert.Throws<SheetLimitException>(() => Read(inline)).Message, StringComparison.Ordinal);
        Assert.Contains("超过 1,000 字的单元格", Assert.Throws<SheetLimitException>(() => Read(shared)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shared_strings_are_held_only_up_to_their_limit()
    {
        using var workbook = Workbook("""<row r="1"><c t="s"><v>11</v></c></row>""", sharedStrings: string.Concat(Enumerable.Repeat($"<si><t>{new string('藏', 900)}</t></si>", 12)));

        Assert.Contains("文字超过 10,000 字", Assert.Throws<SheetLimitException>(() => Read(workbook)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_shared_strings_are_counted_no_more_entries_than_the_sheet_has_cells()
    {
        // 100 rows of 20 columns can use at most 2,000 distinct texts; empty entries would otherwise cost nothing.
        using var full = Workbook("""<row r="1"><c t="s"><v>1999</v></c></row>""", sharedStrings: string.Concat(Enumerable.Repeat("<si/>", 1_999)) + "<si><t>甲</t></si>");
        using var over = Workbook("""<row r="1"><c t="s"><v>2000</v></c></row>""", sharedStrings: string.Concat(Enumerable.Repeat("<si/>", 2_001)));

        Assert.Equal(["甲"], Assert.Single(Read(full)).Cells);
        Assert.Contains("共享文字超过 2,000 项", Assert.Throws<SheetLimitException>(() => Read(over)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_shared_strings_the_rows_use_are_read_a_header_costs_its_own_texts()
    {
        // Ten times the entries the limits allow, and a damaged end: neither is reached by rows that use the first two.
        using var workbook = Workbook(
            """<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>""",
            sharedStrings: "<si><t>统一社会信用代码</t></si><si><t>名称</t></si>" + string.Concat(Enumerable.Repeat("<si><t>甲</t></si>", 20_000)) + "<si><t>乙");

        Assert.Equal(["统一社会信用代码", "名称"], Assert.Single(Read(workbook)).Cells);
    }

    [Fact]
    public void A_sheet_at_its_limits_reads_every_one_of_its_distinct_texts()
    {
        // 100 rows of 20 columns, each cell a text of its own: the most a sheet within the limits can use.
        var sheet = string.Concat(Enumerable.Range(0, 100).Select(r => $"""<row r="{r + 1}">{string.Concat(Enumerable.Range(0, 20).Select(c => $"""<c t="s"><v>{(r * 20) + c}</v></c>"""))}</row>"""));
        using var workbook = Workbook(sheet, sharedStrings: string.Concat(Enumerable.Range(0, 2_000).Select(i => $"<si><t>甲{i}</t></si>")));

        var rows = Read(workbook);

        Assert.Equal(100, rows.Count);
        Assert.Equal(Enumerable.Range(0, 2_000).Select(i => $"甲{i}"), rows.SelectMany(r => r.Cells));
    }

    [Fact]
    public void A_sorted_sheet_whose_first_row_names_the_last_text_of_the_table_is_read()
    {
        // Sorting a sheet keeps the table in the order its texts were typed, so row 1 may name any entry: the reader
        // reads on to it, within the table's own bound.
        var roomy = Small with { MaxRows = 100_000, MaxStringTableChars = 1_000_000 };
        var table = string.Concat(Enumerable.Range(0, 20_481).Select(i => $"<si><t>{i}</t></si>"));
        using var sorted = Workbook("""<row r="1"><c t="s"><v>20480</v></c><c t="s"><v>0</v></c></row>""", sharedStrings: table);

        Assert.Equal(["20480", "0"], Assert.Single(Read(sorted, roomy)).Cells);
    }

    [Fact]
    public void A_part_that_inflates_past_the_limit_is_refused()
    {
        // 3 MB of one letter deflates to a few kilobytes: the limit counts what the part inflates to.
        using var workbook = Workbook(Rows(1) + $"""<row r="2"><c><v>{new string('9', 3 << 20)}</v></c></row>""");

        Assert.True(workbook.Length < 64 * 1024);
        Assert.Contains("解压后超过 1 MB", Assert.Throws<SheetLimitException>(() => Read(workbook, Small with { MaxCellLength = int.MaxValue })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_doctype_is_refused_so_no_entity_is_ever_expanded()
    {
        using var workbook = Workbook(
            """<row r="1"><c t="inlineStr"><is><t>&xxe;</t></is></c></row>""",
            before: """<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>""");

        var error = Record.Exception(() => Read(workbook));

        Assert.True(error is not null && Spreadsheet.IsUnreadable(error), error?.ToString());
    }

    [Fact]
    public void Reading_stops_when_the_request_is_cancelled()
    {
        using var workbook = Workbook(Rows(50));
        using var cancel = new CancellationTokenSource();
        var read = 0;

        Assert.Throws<OperationCanceledException>(() =>
        {
            foreach (var _ in Spreadsheet.ReadRows(workbook, Small, cancellationToken: cancel.Token))
            {
                if (++read == 10)
                {
                    cancel.Cancel();
                }
            }
        });
        Assert.Equal(10, read);
    }
}
