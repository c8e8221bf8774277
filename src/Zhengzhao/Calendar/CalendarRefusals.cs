using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Calendar;

/// <summary>The refusals every calendar question can meet, and the checks that raise them.</summary>
internal static class CalendarRefusals
{
    public static Refusal DateOutOfRange(DateOnly date) =>
        new("calendar/date-out-of-range", "日期超出范围", $"日期 {date:yyyy-MM-dd} 超出工作日历支持的范围（{WorkCalendar.FirstDate:yyyy-MM-dd} 至 {WorkCalendar.LastDate:yyyy-MM-dd}）。");

    public static Refusal UnknownRegion(string region) =>
        new("calendar/unknown-region", "区划代码无效", ReferenceData.Region.IsWellFormedCode(region) ? $"区划代码“{region}”不存在，请使用6位行政区划代码，如 540100。" : "请使用6位行政区划代码，如 540100。");

    public static Refusal DaysOutOfRange(int days, int max) =>
        new("calendar/days-out-of-range", "工作日数无效", $"工作日数应在 0 至 {max} 之间，输入为 {days}。");

    public static Refusal RedundantDay(DateOnly date, bool weekend) =>
        new("calendar/redundant-day", "无需登记", weekend ? $"{date:yyyy-MM-dd} 是周末，本来就休息；只有调休上班的周末需要登记。" : $"{date:yyyy-MM-dd} 是工作日，本来就上班；只有放假的工作日需要登记。");

    public static Refusal DayNotFound(DateOnly date) =>
        new("calendar/day-not-found", "记录不存在", $"该日历层中没有 {date:yyyy-MM-dd} 的记录，可能已被删除。", RefusalKind.NotFound);

    /// <summary>Null when the region is absent (national calendar) or known; the refusal otherwise.</summary>
    public static async Task<Refusal?> CheckRegionAsync(ZhengzhaoDbContext db, string? region, CancellationToken cancellationToken)
    {
        if (region is null || region == CalendarLayers.National)
        {
            return null;
        }

        var known = ReferenceData.Region.IsWellFormedCode(region)
            && await db.Regions.AnyAsync(r => r.Code == region, cancellationToken);
        return known ? null : UnknownRegion(region);
    }
}
