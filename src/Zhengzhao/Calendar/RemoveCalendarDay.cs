using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Calendar;

/// <summary>Takes a day entered in error out of a layer, so the date follows the weekday rule (or the layer below) again.</summary>
public sealed class RemoveCalendarDay(ZhengzhaoDbContext db, CalendarCache cache, TimeProvider time) : IUseCase
{
    public sealed record Command(string Layer, DateOnly Date, Actor Actor);

    public async Task<Result<bool>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var day = await db.CalendarDays.FindAsync([command.Layer, command.Date], cancellationToken);
        if (day is null)
        {
            return CalendarRefusals.DayNotFound(command.Date);
        }

        db.CalendarDays.Remove(day);
        db.Record(command.Actor, time, "calendar.day-removed", nameof(CalendarDay), $"{command.Layer}/{command.Date:yyyy-MM-dd}", $"{SaveCalendarDay.Describe(day.Name, day.IsOffDay)} → 无");
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return true;
    }
}
