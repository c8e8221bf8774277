using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Calendar;

/// <summary>The date a number of working days after another, in a region's calendar: how every time limit is due.</summary>
public sealed class AddWorkdays(ZhengzhaoDbContext db, CalendarCache cache) : IUseCase
{
    public const int MaxDays = 3650;

    public sealed record Query(DateOnly From, int Days, string? Region);

    public sealed record AddWorkdaysAnswer(DateOnly From, int Days, string? Region, DateOnly Date);

    public async Task<Result<AddWorkdaysAnswer>> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Days is < 0 or > MaxDays)
        {
            return CalendarRefusals.DaysOutOfRange(query.Days, MaxDays);
        }

        if (!WorkCalendar.InRange(query.From))
        {
            return CalendarRefusals.DateOutOfRange(query.From);
        }

        if (await CalendarRefusals.CheckRegionAsync(db, query.Region, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var calendar = await cache.GetAsync(db, cancellationToken);
        return calendar.TryAddWorkdays(query.From, query.Days, query.Region, out var date)
            ? new AddWorkdaysAnswer(query.From, query.Days, query.Region, date)
            : CalendarRefusals.DateOutOfRange(query.From.AddDays(query.Days));
    }
}
