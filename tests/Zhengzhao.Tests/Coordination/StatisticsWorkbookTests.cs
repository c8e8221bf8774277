using MiniExcelLibs;
using Zhengzhao.Coordination;

namespace Zhengzhao.Tests.Coordination;

public sealed class StatisticsWorkbookTests
{
    [Fact]
    public async Task A_name_that_looks_like_a_formula_stays_text_in_the_workbook()
    {
        var row = new CoordinationStatistics.Row("XZ-X", "=HYPERLINK(\"http://x\",\"部门\")", Pushed: 2, Claimed: 1, Returned: 0, AverageWorkdaysToClaim: 3, LoopsOpen: 1, LoopsClosed: 0);
        var query = new CoordinationStatistics.Query(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), StatisticsGrouping.Department);

        var bytes = await CoordinationStatistics.ToWorkbookAsync(new CoordinationStatistics.Report(query, [row], row with { Key = string.Empty, Name = "合计" }));

        var first = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object>>().First();
        Assert.Equal("'=HYPERLINK(\"http://x\",\"部门\")", first["部门"]);
        Assert.Equal(2d, Convert.ToDouble(first["推送数"], System.Globalization.CultureInfo.InvariantCulture));
    }
}
