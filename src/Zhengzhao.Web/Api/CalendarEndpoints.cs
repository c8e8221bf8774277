using Zhengzhao.Calendar;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Api;

public static class CalendarEndpoints
{
    public sealed record CalendarDayResponse(string Date, string? Region, bool IsWorkday, string? Name);

    public sealed record AddWorkdaysResponse(string From, int Days, string? Region, string Date);

    public static RouteGroupBuilder MapCalendarEndpoints(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("工作日历 Calendar").AllowAnonymous();

        calendar.MapGet("/add-workdays", async (string? from, string? days, string? region, AddWorkdays useCase, CancellationToken ct) =>
            {
                var start = ApiInput.Date(from, "from");
                if (!start.IsSuccess)
                {
                    return Problems.From(start.Refusal);
                }

                var count = ApiInput.WholeNumber(days, "days");
                if (!count.IsSuccess)
                {
                    return Problems.From(count.Refusal);
                }

                var result = await useCase.HandleAsync(new(start.Value, count.Value, ApiInput.Region(region)), ct);
                return result.ToHttpResult(a => new AddWorkdaysResponse(Iso(a.From), a.Days, a.Region, Iso(a.Date)));
            })
            .WithName("AddWorkdays")
            .WithSummary("从某日起加若干工作日（次日起算，0 返回当日）")
            .Produces<AddWorkdaysResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        calendar.MapGet("/{date}", async (string date, string? region, GetCalendarDay useCase, CancellationToken ct) =>
            {
                var day = ApiInput.Date(date, "date");
                if (!day.IsSuccess)
                {
                    return Problems.From(day.Refusal);
                }

                var result = await useCase.HandleAsync(new(day.Value, ApiInput.Region(region)), ct);
                return result.ToHttpResult(a => new CalendarDayResponse(Iso(a.Date), a.Region, a.IsWorkday, a.Name));
            })
            .WithName("GetCalendarDay")
            .WithSummary("查询某日在某区划是否为工作日")
            .Produces<CalendarDayResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        return api;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
