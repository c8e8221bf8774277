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
            return new Refusal("calendar/day-not-found", "记录不存在", $"该日历层中没有 {command.Date:yyyy-MM-dd} 的记录，可能已被删除。", RefusalKind.NotFound);
        }

        db.CalendarDays.Remove(day);
        db.Record(command.Actor, time, "calendar.day-removed", nameof(CalendarDay), $"{command.Layer}/{command.Date:yyyy-MM-dd}", $"{SaveCalendarDay.Describe(day.Name, day.IsOffDay)} → 无");
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return true;
    }
}
