using Zhengzhao.Calendar;

namespace Zhengzhao.Tests.Calendar;

public sealed class HolidayNoticeTests
{
    [Fact]
    public void Reads_the_national_file_shape_with_the_previous_December()
    {
        var notice = HolidayNotice.Parse("""
            {"year":2028,"papers":["https://www.gov.cn/example"],"days":[
              {"name":"元旦","date":"2027-12-31","isOffDay":true},
              {"name":"元旦","date":"2028-01-01","isOffDay":true},
              {"name":"春节","date":"2028-01-29","isOffDay":false}]}
            """);

        Assert.True(notice.IsSuccess, notice.Refusal?.Detail);
        Assert.Equal(2028, notice.Value!.Year);
        Assert.Equal(3, notice.Value.Days.Count);
        Assert.Equal("https://www.gov.cn/example", notice.Value.Source);
        Assert.False(notice.Value.Days[2].IsOffDay);
    }

    [Theory]
    [InlineData("not json", "不是有效的 JSON")]
    [InlineData("[]", "缺少整数字段 year")]
    [InlineData("""{"year":"2028","days":[]}""", "缺少整数字段 year")]
    [InlineData("""{"year":2028}""", "缺少数组字段 days")]
    [InlineData("""{"year":2028,"days":[{"name":"元旦","date":"2028-02-30","isOffDay":true}]}""", "第1条：日期“2028-02-30”不是")]
    [InlineData("""{"year":2028,"days":[{"name":"元旦","date":"2026-01-01","isOffDay":true}]}""", "不属于 2028 年的公告")]
    [InlineData("""{"year":2028,"days":[{"name":"元旦","date":"2028-01-01"}]}""", "都需要 name")]
    [InlineData("""{"year":2028,"days":[{"name":"","date":"2028-01-01","isOffDay":true}]}""", "名称不能为空")]
    [InlineData("""{"year":2028,"days":[{"name":"a","date":"2028-01-01","isOffDay":true},{"name":"b","date":"2028-01-01","isOffDay":true}]}""", "重复出现")]
    [InlineData("""{"year":3000,"days":[]}""", "超出日历支持的范围")]
    [InlineData("""{"year":2028,"days":[{"name":"=HYPERLINK(\"x\")","date":"2028-01-01","isOffDay":true}]}""", "第1条：“名称”不能以 =、+、-、@ 开头")]
    [InlineData("""{"year":2028,"days":[{"name":"元旦\u0000","date":"2028-01-01","isOffDay":true}]}""", "控制字符")]
    [InlineData("""{"year":2028,"source":"@cmd","days":[]}""", "“公告来源”不能以")]
    public void Refuses_a_broken_file_with_the_reason(string json, string reason)
    {
        var notice = HolidayNotice.Parse(json);

        Assert.False(notice.IsSuccess);
        Assert.Contains(reason, notice.Refusal!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_shipped_table_is_valid_and_covers_2007_to_2027_nationally()
    {
        var shipped = CalendarSeeder.ShippedNotices().ToList();

        Assert.Equal(Enumerable.Range(2007, 21), shipped.Where(s => s.Layer == CalendarLayers.National).Select(s => s.Notice.Year).Order());
        Assert.Contains(shipped, s => s.Layer == CalendarSeeder.TibetLayer && s.Notice.Year == 2023);
    }

    [Fact]
    public void Warns_when_next_years_national_table_is_missing()
    {
        var years = new[] { new CalendarYear(CalendarLayers.National, 2027, "", DateTime.UtcNow) };

        Assert.Null(GetCalendarOverview.MissingYearWarning(years, 2026));
        Assert.Contains("2028", GetCalendarOverview.MissingYearWarning(years, 2027), StringComparison.Ordinal);
    }
}
