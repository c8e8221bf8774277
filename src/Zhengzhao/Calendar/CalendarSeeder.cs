using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Calendar;

/// <summary>
/// Publishes the shipped holiday tables (national 2007–2027, Tibet's regional years) for every notice year
/// a layer does not have yet; a year the administrator has published or edited is left alone.
/// </summary>
public static class CalendarSeeder
{
    public const string TibetLayer = "540000";

    public static async Task SeedAsync(ZhengzhaoDbContext db, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var published = (await db.CalendarYears.AsNoTracking().Select(y => new { y.Layer, y.Year }).ToListAsync(cancellationToken))
            .Select(y => (y.Layer, y.Year))
            .ToHashSet();
        var now = time.GetUtcNow().UtcDateTime;
        var added = new List<string>();
        foreach (var (layer, notice) in ShippedNotices())
        {
            if (published.Add((layer, notice.Year)))
            {
                await ImportCalendarYear.PublishAsync(db, layer, notice, now, cancellationToken);
                added.Add($"{layer}/{notice.Year}");
            }
        }

        if (added.Count > 0)
        {
            db.Record(Actor.System, time, "calendar.seeded", nameof(CalendarYear), "*", $"载入节假日公告 {added.Count} 份：{string.Join("、", added)}");
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    internal static IEnumerable<(string Layer, HolidayNotice Notice)> ShippedNotices()
    {
        foreach (var path in EmbeddedFiles.List("holidays-cn").Where(p => p.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(EmbeddedFiles.Open(path));
            yield return (CalendarLayers.National, Expect(HolidayNotice.Parse(reader.ReadToEnd()), path));
        }

        using var regional = JsonDocument.Parse(EmbeddedFiles.Open("holidays-regional/540000-xizang.json"));
        foreach (var year in regional.RootElement.GetProperty("years").EnumerateArray())
        {
            yield return (TibetLayer, Expect(HolidayNotice.FromElement(year), "holidays-regional/540000-xizang.json"));
        }
    }

    private static HolidayNotice Expect(Result<HolidayNotice> result, string path) =>
        result.IsSuccess ? result.Value : throw new InvalidDataException($"Shipped calendar data {path} is invalid: {result.Refusal.Detail}");
}
