using System.Text;
using Zhengzhao.Common;

namespace Zhengzhao.Tests.Common;

public sealed class CsvTests
{
    private static List<string[]> Read(string text) => [.. Csv.Read(new StringReader(text)).Select(r => r.Fields)];

    [Fact]
    public void Quoted_fields_keep_commas_line_breaks_and_doubled_quotes()
    {
        var records = Read("名称,经营范围\r\n\"拉萨市\"\"雪域\"\"商贸有限公司\",\"一般项目：日用百货销售，办公用品销售\r\n（除依法须经批准的项目外）\"\r\n");

        Assert.Equal(2, records.Count);
        Assert.Equal(["拉萨市\"雪域\"商贸有限公司", "一般项目：日用百货销售，办公用品销售\r\n（除依法须经批准的项目外）"], records[1]);
    }

    [Fact]
    public void Records_are_numbered_as_spreadsheet_rows_even_across_quoted_line_breaks()
    {
        var numbers = Csv.Read(new StringReader("a,b\n\"x\ny\",1\nlast,2")).Select(r => r.Number);

        Assert.Equal([1, 2, 3], numbers);
    }

    [Theory]
    [InlineData("a,b\n", 1)]
    [InlineData("a,b", 1)]
    [InlineData("a,b\r\n\r\n", 2)]
    public void Line_endings_and_a_missing_final_break_are_all_accepted(string text, int records)
    {
        var read = Read(text);

        Assert.Equal(records, read.Count);
        Assert.Equal(["a", "b"], read[0]);
    }

    [Fact]
    public void A_short_row_has_fewer_fields_and_empty_fields_are_kept()
    {
        var records = Read("a,b,c\n1\n,,\n");

        Assert.Equal(["1"], records[1]);
        Assert.Equal(["", "", ""], records[2]);
    }

    [Fact]
    public void An_unterminated_quote_runs_to_the_end_of_the_file_and_its_record_says_so()
    {
        var records = Csv.Read(new StringReader("a,b\nx,\"open\nend,1\n")).ToList();

        Assert.Equal(2, records.Count);
        Assert.Null(records[0].Problem);
        Assert.Equal(2, records[1].Number);
        Assert.Equal(["x", "open\nend,1\n"], records[1].Fields);
        Assert.Contains("引号没有闭合", records[1].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_over_the_limit_is_cut_and_its_record_says_so_and_the_next_record_is_whole()
    {
        var records = Csv.Read(new StringReader($"{new string('藏', 5_000)},b\n\"{new string('藏', 5_000)}\"\nnext,1\n"), maxFieldLength: 1_000).ToList();

        Assert.Equal([1_000, 1], records[0].Fields.Select(f => f.Length));
        Assert.Contains("超过 1,000 字", records[0].Problem, StringComparison.Ordinal);
        Assert.Contains("超过 1,000 字", records[1].Problem, StringComparison.Ordinal);
        Assert.Equal(["next", "1"], records[2].Fields);
        Assert.Null(records[2].Problem);
    }

    [Fact]
    public void Fields_past_the_limit_are_dropped_and_the_record_says_so()
    {
        var record = Csv.Read(new StringReader(new string(',', 100_000) + "\n"), maxFields: 64).Single();

        Assert.Equal(64, record.Fields.Length);
        Assert.Contains("超过 64 列", record.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Written_fields_that_a_spreadsheet_would_take_for_formulas_stay_text()
    {
        var writer = new StringWriter();

        Csv.WriteRecord(writer, "=HYPERLINK(\"http://x\")", "@SUM(A1)", "-1", "+86", "雪域");

        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(A1),'-1,'+86,雪域\r\n", writer.ToString());
    }

    [Fact]
    public void Fields_longer_than_the_read_buffer_are_whole()
    {
        var longField = new string('藏', 100_000);

        Assert.Equal(longField, Read($"\"{longField}\",{longField}\n")[0][0]);
        Assert.Equal(longField, Read($"\"{longField}\",{longField}\n")[0][1]);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_not_part_of_the_first_field()
    {
        using var stream = new MemoryStream([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("统一社会信用代码,名称\n")]);
        using var reader = new StreamReader(stream, Csv.DetectEncoding(stream), detectEncodingFromByteOrderMarks: true);

        Assert.Equal("统一社会信用代码", Csv.Read(reader).First().Fields[0]);
    }

    [Fact]
    public void A_gb18030_file_from_chinese_excel_is_recognised()
    {
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        using var stream = new MemoryStream(gb18030.GetBytes("名称,类型\n拉萨市雪域商贸有限公司,内资企业\n"));
        using var reader = new StreamReader(stream, Csv.DetectEncoding(stream));

        Assert.Equal(["拉萨市雪域商贸有限公司", "内资企业"], Csv.Read(reader).Last().Fields);
    }

    [Fact]
    public void Written_records_read_back_unchanged()
    {
        string[] fields = ["plain", "with,comma", "with \"quote\"", "two\r\nlines", ""];
        var writer = new StringWriter();
        Csv.WriteRecord(writer, fields);

        Assert.Equal("plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\r\nlines\",\r\n", writer.ToString());
        Assert.Equal(fields, Read(writer.ToString())[0]);
    }

    [Fact]
    public void A_file_with_nul_bytes_is_binary()
    {
        using var text = new MemoryStream("a,b\n"u8.ToArray());
        using var binary = new MemoryStream([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]);

        Assert.False(Csv.LooksBinary(text));
        Assert.True(Csv.LooksBinary(binary));
    }
}
