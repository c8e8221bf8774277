using System.Net;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Api.CalendarEndpoints;

namespace Zhengzhao.Web.Tests.Calendar;

public sealed class CalendarApiTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private readonly HttpClient _client = factory.Anonymous();

    [Fact]
    public async Task Tibetan_new_year_is_a_rest_day_in_Lhasa()
    {
        var day = await (await _client.GetAsync("/api/v1/calendar/2023-02-20?region=540100")).ReadAsAsync<CalendarDayResponse>();

        Assert.Equal("2023-02-20", day.Date);
        Assert.Equal("540100", day.Region);
        Assert.False(day.IsWorkday);
        Assert.Equal("藏历新年", day.Name);
    }

    [Fact]
    public async Task Without_a_region_the_national_calendar_answers()
    {
        var day = await (await _client.GetAsync("/api/v1/calendar/2023-02-20")).ReadAsAsync<CalendarDayResponse>();

        Assert.True(day.IsWorkday);
        Assert.Null(day.Name);
        Assert.Null(day.Region);
    }

    [Fact]
    public async Task A_December_date_kept_in_next_years_file_is_found()
    {
        var day = await (await _client.GetAsync("/api/v1/calendar/2022-12-31")).ReadAsAsync<CalendarDayResponse>();

        Assert.False(day.IsWorkday);
        Assert.Equal("元旦", day.Name);
    }

    [Theory]
    [InlineData("2023-09-28", 1, "", "2023-10-07")]
    [InlineData("2023-02-17", 3, "540100", "2023-02-27")]
    [InlineData("2023-03-01", 0, "540172", "2023-03-01")]
    public async Task Adds_working_days(string from, int days, string region, string expected)
    {
        var answer = await (await _client.GetAsync($"/api/v1/calendar/add-workdays?from={from}&days={days}&region={region}")).ReadAsAsync<AddWorkdaysResponse>();

        Assert.Equal(from, answer.From);
        Assert.Equal(days, answer.Days);
        Assert.Equal(expected, answer.Date);
    }

    [Theory]
    [InlineData("/api/v1/calendar/2023-02-30", "date")]
    [InlineData("/api/v1/calendar/20230220", "date")]
    [InlineData("/api/v1/calendar/yesterday", "date")]
    [InlineData("/api/v1/calendar/2023-02-20?region=999999", "区划代码")]
    [InlineData("/api/v1/calendar/2023-02-20?region=54'--", "区划代码")]
    [InlineData("/api/v1/calendar/0001-01-01", "超出")]
    [InlineData("/api/v1/calendar/add-workdays?from=2023-01-01&days=-1", "0 至 3650")]
    [InlineData("/api/v1/calendar/add-workdays?from=2023-01-01&days=3651", "0 至 3650")]
    [InlineData("/api/v1/calendar/add-workdays?from=2023-01-01&days=ten", "days")]
    [InlineData("/api/v1/calendar/add-workdays?from=2023-01-01&days=99999999999", "days")]
    [InlineData("/api/v1/calendar/add-workdays?days=3", "from")]
    [InlineData("/api/v1/calendar/add-workdays?from=2199-12-30&days=3650", "超出")]
    public async Task Bad_input_is_a_400_problem_with_the_reason(string path, string reason)
    {
        var problem = await (await _client.GetAsync(path)).AssertProblemAsync(400);

        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_imported_year_takes_effect_at_once()
    {
        var result = await factory.WithUseCaseAsync<ImportCalendarYear, Result<ImportCalendarYear.Imported>>(import => import.HandleAsync(new(
            "540000",
            """{"year":2030,"source":"测试公告","days":[{"name":"雪顿节","date":"2030-08-12","isOffDay":true}]}""",
            new Actor("tester"))));
        Assert.True(result.IsSuccess);

        var day = await (await _client.GetAsync("/api/v1/calendar/2030-08-12?region=540600")).ReadAsAsync<CalendarDayResponse>();

        Assert.False(day.IsWorkday);
        Assert.Equal("雪顿节", day.Name);
    }

    [Fact]
    public async Task Importing_a_broken_file_changes_nothing()
    {
        var before = await factory.WithDbAsync(db => Task.FromResult(db.CalendarDays.Count()));

        var result = await factory.WithUseCaseAsync<ImportCalendarYear, Result<ImportCalendarYear.Imported>>(import => import.HandleAsync(new(
            CalendarLayers.National, """{"year":2031,"days":[{"name":"元旦","date":"2031-01-01","isOffDay":true},{"name":"坏","date":"2031-13-01","isOffDay":true}]}""", new Actor("tester"))));

        Assert.False(result.IsSuccess);
        Assert.Contains("第2条", result.Refusal!.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => Task.FromResult(db.CalendarDays.Count())));
    }

    [Fact]
    public async Task A_single_day_can_be_added_and_removed_with_an_audit_entry_each()
    {
        var date = new DateOnly(2031, 5, 6);
        var saved = await factory.WithUseCaseAsync<SaveCalendarDay, Result<CalendarDay>>(save => save.HandleAsync(new("540100", date, "测试假日", true, new Actor("tester"))));
        Assert.True(saved.IsSuccess);
        var off = await (await _client.GetAsync("/api/v1/calendar/2031-05-06?region=540102")).ReadAsAsync<CalendarDayResponse>();
        Assert.False(off.IsWorkday);

        var removed = await factory.WithUseCaseAsync<RemoveCalendarDay, Result<bool>>(remove => remove.HandleAsync(new("540100", date, new Actor("tester"))));
        Assert.True(removed.IsSuccess);
        var on = await (await _client.GetAsync("/api/v1/calendar/2031-05-06?region=540102")).ReadAsAsync<CalendarDayResponse>();
        Assert.True(on.IsWorkday);

        var actions = await factory.WithDbAsync(db => Task.FromResult(db.AuditEntries.Where(e => e.EntityId == "540100/2031-05-06").Select(e => e.Action).ToList()));
        Assert.Equal(["calendar.day-saved", "calendar.day-removed"], actions);
    }

    [Fact]
    public async Task A_weekday_need_not_be_registered_as_a_national_working_day()
    {
        var result = await factory.WithUseCaseAsync<SaveCalendarDay, Result<CalendarDay>>(save => save.HandleAsync(new(CalendarLayers.National, new DateOnly(2031, 5, 7), "无意义", false, new Actor("tester"))));

        Assert.False(result.IsSuccess);
        Assert.Equal("calendar/redundant-day", result.Refusal!.Type);
    }

    [Fact]
    public async Task Every_shipped_year_is_published_on_first_start()
    {
        var years = await factory.WithDbAsync(db => Task.FromResult(db.CalendarYears.Where(y => y.Layer == CalendarLayers.National).Select(y => y.Year).ToList()));

        Assert.Equal(Enumerable.Range(2007, 21), years.Order());
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/v1/calendar/2027-10-01")).StatusCode);
    }
}
