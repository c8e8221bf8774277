using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Calendar;

/// <summary>
/// Publishes one notice year in one layer (the national table, or a region's own holidays), replacing whatever
/// that notice year held before, as the administrator does when the year's notice comes out.
/// </summary>
public sealed class ImportCalendarYear(ZhengzhaoDbContext db, CalendarCache cache, TimeProvider time) : IUseCase
{
    public sealed record Command(string Layer, string NoticeJson, Actor Actor);

    public sealed record Imported(string Layer, int Year, int Days);

    public async Task<Result<Imported>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await CalendarRefusals.CheckRegionAsync(db, command.Layer, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var parsed = HolidayNotice.Parse(command.NoticeJson);
        if (!parsed.IsSuccess)
        {
            return parsed.Refusal;
        }

        var notice = parsed.Value;
        var summary = await PublishAsync(db, command.Layer, notice, time.GetUtcNow().UtcDateTime, cancellationToken);
        db.Record(command.Actor, time, "calendar.year-imported", nameof(CalendarYear), $"{command.Layer}/{notice.Year}", summary);
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return new Imported(command.Layer, notice.Year, notice.Days.Count);
    }

    /// <summary>Replaces a notice year's days in a layer; shared with the first-start seeding, which audits once for all years.</summary>
    internal static async Task<string> PublishAsync(ZhengzhaoDbContext db, string layer, HolidayNotice notice, DateTime now, CancellationToken cancellationToken)
    {
        var dates = notice.Days.Select(d => d.Date).ToList();

        // A date belongs to one notice per layer: the days this notice names take over any earlier entry for them,
        // and the notice year's days it no longer names are dropped. Changing rows in place keeps it one save.
        var existing = await db.CalendarDays
            .Where(d => d.Layer == layer && (d.NoticeYear == notice.Year || dates.Contains(d.Date)))
            .ToDictionaryAsync(d => d.Date, cancellationToken);
        foreach (var day in notice.Days)
        {
            if (existing.Remove(day.Date, out var current))
            {
                current.Change(day.Name, day.IsOffDay, notice.Year);
            }
            else
            {
                db.CalendarDays.Add(new CalendarDay(layer, notice.Year, day.Date, day.Name, day.IsOffDay));
            }
        }

        db.CalendarDays.RemoveRange(existing.Values);
        var replaced = existing.Count;
        var year = await db.CalendarYears.FindAsync([layer, notice.Year], cancellationToken);
        if (year is null)
        {
            db.CalendarYears.Add(new CalendarYear(layer, notice.Year, notice.Source, now));
        }
        else
        {
            year.Republish(notice.Source, now);
        }

        var offDays = notice.Days.Count(d => d.IsOffDay);
        return $"{notice.Year} 年公告：删除 {replaced} 天，现 {notice.Days.Count} 天（休息 {offDays} 天，调休上班 {notice.Days.Count - offDays} 天）";
    }
}
