using Zhengzhao.Registry;

namespace Zhengzhao.Tests.Registry;

public sealed class CompanySheetTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly HashSet<string> Regions = ["540000", "540100", "540102", "540172"];
    private static readonly CompanySheet.Header Header = CompanySheet.ReadHeader([.. CompanySheet.Columns]).Header!;

    private static string Person()
    {
        const string first17 = "54010219850312101";
        return first17 + IdentityNumber.ComputeCheckCharacter(first17);
    }

    private static string[] Row(Action<string[]>? change = null)
    {
        string[] cells =
        [
            Uscc.Compose('9', '1', "540102", "MA6TAB01").Value, "拉萨市雪域商贸有限公司", "内资企业", "扎西", Person(),
            "西藏自治区拉萨市城关区北京中路8号", "540102", "城关区市场监督管理局", "2015-03-18", "2016-05-01", "1,200.5", "一般项目：日用百货销售。",
        ];
        change?.Invoke(cells);
        return cells;
    }

    private static List<RowProblem> Problems(Action<string[]> change) => CompanySheet.Check(7, Row(change), Header, Regions, Today).Problems!;

    [Fact]
    public void A_complete_row_becomes_a_company()
    {
        var (company, problems) = CompanySheet.Check(2, Row(), Header, Regions, Today);

        Assert.Null(problems);
        Assert.Equal(EnterpriseType.DomesticCompany, company!.Facts.Type);
        Assert.Equal(1200.5m, company.Facts.RegisteredCapital);
        Assert.Equal(new DateOnly(2016, 5, 1), company.Facts.ApprovedOn);
        Assert.Equal(Person(), company.LegalRepresentativeId.Value);
    }

    [Theory]
    [InlineData(1, "名称", "=HYPERLINK(\"http://x\",\"雪域\")", "不能以 =、+、-、@ 开头")]
    [InlineData(3, "法定代表人", "@扎西", "不能以 =、+、-、@ 开头")]
    [InlineData(5, "住所", "-北京中路8号", "不能以 =、+、-、@ 开头")]
    [InlineData(11, "经营范围", "+日用百货销售", "不能以 =、+、-、@ 开头")]
    [InlineData(7, "登记机关", "'=1+1", "不能以 =、+、-、@ 开头")]
    [InlineData(1, "名称", "雪域\0商贸有限公司", "控制字符")]
    public void The_register_keeps_text_not_formulas_nor_control_characters(int column, string name, string text, string reason)
    {
        var problems = Problems(cells => cells[column] = text);

        var problem = Assert.Single(problems);
        Assert.Equal((7, name), (problem.Row, problem.Column));
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_repeated_in_one_file_is_refused_with_the_row_it_repeats()
    {
        var seen = new CompanySheet.SeenCodes();
        var first = CompanySheet.Check(2, Row(), Header, Regions, Today).Company!;
        var again = CompanySheet.Check(9, Row(), Header, Regions, Today).Company!;
        var other = CompanySheet.Check(10, Row(cells => cells[0] = Uscc.Compose('9', '1', "540102", "MA6TAB02").Value), Header, Regions, Today).Company!;

        Assert.Null(seen.Repeat(first));
        Assert.Null(seen.Repeat(other));
        var problem = seen.Repeat(again)!;
        Assert.Equal((9, CompanySheet.Code), (problem.Row, problem.Column));
        Assert.Contains("与第 2 行重复", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_extra_columns_are_ignored()
    {
        string[] header = ["备注", .. CompanySheet.Columns.Reverse()];
        var row = Row();
        string[] cells = ["任意", .. row.Reverse()];

        var (company, _) = CompanySheet.Check(2, cells, CompanySheet.ReadHeader(header).Header!, Regions, Today);

        Assert.Equal("拉萨市雪域商贸有限公司", company!.Facts.Name);
    }

    [Fact]
    public void A_header_missing_or_doubling_columns_names_each_of_them()
    {
        var (header, problem) = CompanySheet.ReadHeader(["统一社会信用代码", "名称", "名称", "类型"]);

        Assert.Null(header);
        Assert.Contains("“法定代表人身份证号码”", problem, StringComparison.Ordinal);
        Assert.Contains("“名称”列重复出现", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_row_is_read_as_empty_cells_at_its_end()
    {
        var problems = CompanySheet.Check(4, Row()[..9], Header, Regions, Today).Problems!;

        Assert.Equal(["核准日期", "注册资本（万元）", "经营范围"], problems.Select(p => p.Column));
        Assert.All(problems, p => Assert.Equal(4, p.Row));
    }

    [Theory]
    [InlineData(0, "91540102MA6TAB01X0", "统一社会信用代码", "校验")]
    [InlineData(1, "", "名称", "“名称”不能为空")]
    [InlineData(2, "有限合伙", "类型", "类型“有限合伙”无法识别")]
    [InlineData(4, "540102198503121012", "法定代表人身份证号码", "校验码错误")]
    [InlineData(6, "110101", "区划代码", "不是西藏自治区的区划")]
    [InlineData(8, "2015/02/30", "成立日期", "不是有效日期")]
    [InlineData(8, "2027-01-01", "成立日期", "至今天之间")]
    [InlineData(9, "2014-01-01", "核准日期", "早于成立日期")]
    [InlineData(10, "-5", "注册资本（万元）", "0 至 10 亿")]
    public void Each_bad_cell_is_reported_in_chinese_with_its_column(int cell, string value, string column, string reason)
    {
        var problem = Assert.Single(Problems(c => c[cell] = value));

        Assert.Equal((7, column), (problem.Row, problem.Column));
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_row_is_reported_not_only_the_first()
    {
        var problems = Problems(c =>
        {
            c[1] = new string('名', 101);
            c[3] = string.Empty;
            c[11] = string.Empty;
        });

        Assert.Equal(["名称", "法定代表人", "经营范围"], problems.Select(p => p.Column));
        Assert.Contains("不能超过 100 字", problems[0].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("个体工商户", EnterpriseType.IndividualBusiness)]
    [InlineData("ForeignInvested", EnterpriseType.ForeignInvested)]
    public void Types_are_accepted_by_their_chinese_or_api_names(string text, EnterpriseType type)
    {
        Assert.Equal(type, CompanySheet.ParseType(text));
    }

    [Fact]
    public void A_row_written_by_the_sheet_reads_back_as_the_same_company()
    {
        var company = CompanySheet.Check(2, Row(), Header, Regions, Today).Company!;

        var again = CompanySheet.Check(2, CompanySheet.ToCells(company.Code, company.Facts, company.LegalRepresentativeId.Value), Header, Regions, Today).Company!;

        Assert.Equal(company.Facts, again.Facts);
    }
}
