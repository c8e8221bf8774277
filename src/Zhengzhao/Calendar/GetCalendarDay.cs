using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Calendar;

/// <summary>Is this date a working day in this region, and what is it called?</summary>
public sealed class GetCalendarDay(ZhengzhaoDbContext db, CalendarCache cache) : IUseCase
{
    public sealed record Query(DateOnly Date, string? Region);

    public sealed record CalendarDayAnswer(DateOnly Date, string? Region, bool IsWorkday, string? Name);

    public async Task<Result<CalendarDayAnswer>> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!WorkCalendar.InRange(query.Date))
        {
            return CalendarRefusals.DateOutOfRange(query.Date);
        }

        if (await CalendarRefusals.CheckRegionAsync(db, query.Region, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var calendar = await cache.GetAsync(db, cancellationToken);
        return new CalendarDayAnswer(query.Date, query.Region, calendar.IsWorkday(query.Date, query.Region), calendar.NameOf(query.Date, query.Region));
    }
}
