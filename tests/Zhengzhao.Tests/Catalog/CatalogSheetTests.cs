using Zhengzhao.Catalog;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Tests.Catalog;

/// <summary>Reading one spreadsheet row: every problem located by row and column, in Chinese.</summary>
public sealed class CatalogSheetTests
{
    private static readonly Department[] Departments = [new("XZ-JTT", "交通运输厅", "540000", "交通厅"), new("XZ-SWT", "商务厅", "540000", "商务厅")];

    private static Dictionary<string, string> Row(ItemContent? content = null) =>
        new(CatalogSheet.ToRow(1, "XZ2018-T01", CatalogKind.Official, content ?? SampleItems.Transparent, Departments.ToDictionary(d => d.Code, d => d.Name), new DateOnly(2018, 7, 20)));

    [Fact]
    public void An_exported_row_reads_back_as_the_same_item()
    {
        var (item, problems) = CatalogSheet.ReadRow(CatalogSheet.SheetName, 2, Row(), Departments);

        Assert.Empty(problems);
        Assert.Equal("XZ2018-T01", item!.Code);
        Assert.Equal(new DateOnly(2018, 7, 20), item.ValidFrom);
        Assert.Equal(CatalogJson.Write(SampleItems.Transparent), CatalogJson.Write(item.Content));
    }

    [Fact]
    public void The_industry_authority_is_written_by_name_and_read_back_as_its_code()
    {
        var row = Row(SampleItems.Transparent with { IndustryAuthorityCode = "XZ-SWT" });

        var (item, problems) = CatalogSheet.ReadRow(CatalogSheet.SheetName, 2, row, Departments);

        Assert.Equal("商务厅", row["行业主管部门"]);
        Assert.Empty(problems);
        Assert.Equal("XZ-SWT", item!.Content.IndustryAuthorityCode);
    }

    [Fact]
    public void Departments_and_modes_are_read_by_any_of_their_names()
    {
        var row = Row();
        row["审批部门"] = "交通厅";
        row["改革方式"] = "提高透明度";

        var (item, problems) = CatalogSheet.ReadRow(CatalogSheet.SheetName, 2, row, Departments);

        Assert.Empty(problems);
        Assert.Equal("XZ-JTT", item!.Content.DepartmentCode);
        Assert.Equal(ReformMode.Transparent, item.Content.Mode);
    }

    public static TheoryData<string, string, string, string> BadCells() => new()
    {
        { "审批部门", "财政厅", "审批部门", "部门“财政厅”不存在" },
        { "行业主管部门", "财政厅", "行业主管部门", "部门“财政厅”不存在" },
        { "行业主管部门", "交通厅", "行业主管部门", "与审批部门相同时请留空" },
        { "改革方式", "特别审批", "改革方式", "“特别审批”无法识别" },
        { "法定时限", "二十", "法定时限", "“二十”不是非负整数" },
        { "承诺时限", "25", "承诺时限", "不能超过法定时限" },
        { "补正暂停计时", "也许", "补正暂停计时", "应为“是”或“否”" },
        { "申请材料", "申请书|原件|一|必要", "申请材料", "第1行" },
        { "生效日期", "2018-02-30", "生效日期", "不是有效日期" },
        { "事项名称", "", "事项名称", "不能为空" },
        { "适用企业类型", "国有企业", "适用企业类型", "“国有企业”无法识别" },
        { "具体改革举措", "=HYPERLINK(\"http://x\",\"详见\")", "具体改革举措", "不能以 =、+、-、@ 开头" },
        { "事项名称", "@SUM(A1)", "事项名称", "不能以 =、+、-、@ 开头" },
        { "办理地点", "北京中路\0", "办理地点", "控制字符" },
        { "具体改革举措", new string('改', 2001), "具体改革举措", "不能超过 2000 字，现为 2001 字" },
        { "办理地点", new string('路', 201), "办理地点", "不能超过 200 字" },
    };

    [Theory]
    [MemberData(nameof(BadCells))]
    public void A_bad_cell_is_reported_with_its_row_and_column(string column, string value, string reportedColumn, string reason)
    {
        var row = Row();
        row[column] = value;

        var (item, problems) = CatalogSheet.ReadRow(CatalogSheet.SheetName, 7, row, Departments);

        Assert.Null(item);
        var problem = Assert.Single(problems, p => p.Column == reportedColumn);
        Assert.Equal(7, problem.Row);
        Assert.Equal(CatalogSheet.SheetName, problem.Sheet);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_bad_cells_in_one_row_are_all_reported()
    {
        var row = Row();
        row["改革方式"] = "x";
        row["法定时限"] = "y";
        row["审批部门"] = "z";

        var (_, problems) = CatalogSheet.ReadRow(CatalogSheet.SheetName, 3, row, Departments);

        Assert.Equal(["审批部门", "改革方式", "法定时限"], problems.Select(p => p.Column).Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.Equal(3, p.Row));
    }

    [Fact]
    public void A_header_without_the_published_columns_is_refused()
    {
        var problems = CatalogSheet.CheckHeader(["序号", "名称"], "Sheet1");

        Assert.Equal(["事项名称", "审批部门", "设定依据", "改革方式", "事项编码"], problems.Select(p => p.Column));
        Assert.All(problems, p => Assert.Equal(1, p.Row));
    }

    [Fact]
    public void A_repeated_column_or_a_malformed_code_is_reported()
    {
        var header = CatalogSheet.CheckHeader([.. CatalogSheet.Columns, "事项名称"], CatalogSheet.SheetName);
        var row = Row();
        row["事项编码"] = "事项 1";

        Assert.Equal("“事项名称”列重复出现。", Assert.Single(header).Reason);
        Assert.Contains(CatalogSheet.ReadRow(CatalogSheet.SheetName, 2, row, Departments).Problems, p => p.Column == "事项编码");
    }
}
