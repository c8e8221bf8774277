using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Calendar;

/// <summary>Adds or corrects a single day in a layer: a late-announced holiday, a one-off make-up working day.</summary>
public sealed class SaveCalendarDay(ZhengzhaoDbContext db, CalendarCache cache, TimeProvider time) : IUseCase
{
    public const int MaxNameLength = 50;

    public sealed record Command(string Layer, DateOnly Date, string Name, bool IsOffDay, Actor Actor);

    public async Task<Result<CalendarDay>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!WorkCalendar.InRange(command.Date))
        {
            return CalendarRefusals.DateOutOfRange(command.Date);
        }

        if (await CalendarRefusals.CheckRegionAsync(db, command.Layer, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var errors = new FieldErrors();
        var name = errors.Text("name", command.Name, MaxNameLength, "节假日或调休的名称");
        if (errors.Any)
        {
            return errors.Refusal("calendar/invalid-name", "名称无效");
        }

        var weekend = command.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (weekend == command.IsOffDay && command.Layer == CalendarLayers.National)
        {
            return CalendarRefusals.RedundantDay(command.Date, weekend);
        }

        var day = await db.CalendarDays.FindAsync([command.Layer, command.Date], cancellationToken);
        var before = day is null ? "无" : Describe(day.Name, day.IsOffDay);
        if (day is null)
        {
            day = new CalendarDay(command.Layer, command.Date.Year, command.Date, name, command.IsOffDay);
            db.CalendarDays.Add(day);
        }
        else
        {
            day.Change(name, command.IsOffDay, day.NoticeYear);
        }

        db.Record(command.Actor, time, "calendar.day-saved", nameof(CalendarDay), $"{command.Layer}/{command.Date:yyyy-MM-dd}", $"{before} → {Describe(name, command.IsOffDay)}");
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return day;
    }

    internal static string Describe(string name, bool isOffDay) => $"{name}（{(isOffDay ? "休息" : "上班")}）";
}
