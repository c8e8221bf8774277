using System.Globalization;
using System.Text.Json;
using Zhengzhao.Common;

namespace Zhengzhao.Calendar;

/// <summary>
/// One year's announced days for one layer, read from the holiday-cn file shape
/// (<c>{"year":2023,"papers":[…],"days":[{"name","date","isOffDay"}]}</c>), which is also how the administrator uploads a year.
/// </summary>
public sealed record HolidayNotice(int Year, string Source, IReadOnlyList<HolidayNoticeDay> Days)
{
    public const int MaxSourceLength = 500;

    public static Result<HolidayNotice> Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return FromElement(document.RootElement);
        }
        catch (JsonException e)
        {
            return Invalid($"文件不是有效的 JSON：{e.Message}");
        }
    }

    public static Result<HolidayNotice> FromElement(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("year", out var yearElement)
            || yearElement.ValueKind != JsonValueKind.Number
            || !yearElement.TryGetInt32(out var year))
        {
            return Invalid("缺少整数字段 year（公告年份）。");
        }

        if (year < WorkCalendar.FirstDate.Year || year > WorkCalendar.LastDate.Year)
        {
            return Invalid($"公告年份 {year} 超出日历支持的范围。");
        }

        if (!root.TryGetProperty("days", out var daysElement) || daysElement.ValueKind != JsonValueKind.Array)
        {
            return Invalid("缺少数组字段 days（节假日与调休日）。");
        }

        var days = new List<HolidayNoticeDay>();
        var index = 0;
        foreach (var item in daysElement.EnumerateArray())
        {
            index++;
            var day = ReadDay(item, year, index);
            if (!day.IsSuccess)
            {
                return day.Refusal;
            }

            if (days.Exists(d => d.Date == day.Value.Date))
            {
                return Invalid($"第{index}条：日期 {day.Value.Date:yyyy-MM-dd} 重复出现。");
            }

            days.Add(day.Value);
        }

        var source = ReadSource(root);
        if (source.Length > MaxSourceLength)
        {
            return Invalid($"公告来源（source 或 papers）不能超过{MaxSourceLength}个字。");
        }

        return SheetText.Problem("公告来源", source) is { } problem ? Invalid(problem) : new HolidayNotice(year, source, days);
    }

    private static Result<HolidayNoticeDay> ReadDay(JsonElement item, int year, int index)
    {
        if (item.ValueKind != JsonValueKind.Object
            || !item.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
            || !item.TryGetProperty("date", out var date) || date.ValueKind != JsonValueKind.String
            || !item.TryGetProperty("isOffDay", out var off) || off.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return Invalid($"第{index}条：每一天都需要 name（名称）、date（日期）和 isOffDay（是否休息）。");
        }

        if (!DateOnly.TryParseExact(date.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return Invalid($"第{index}条：日期“{date.GetString()}”不是 yyyy-MM-dd 格式的有效日期。");
        }

        // A notice covers its own year and, for New Year's Day, the last days of the year before.
        if (parsed.Year != year && parsed.Year != year - 1)
        {
            return Invalid($"第{index}条：日期 {parsed:yyyy-MM-dd} 不属于 {year} 年的公告。");
        }

        var text = name.GetString()!.Trim();
        if (text.Length is 0 or > 50)
        {
            return Invalid($"第{index}条：名称不能为空，且不超过50个字。");
        }

        if (SheetText.Problem("名称", text) is { } problem)
        {
            return Invalid($"第{index}条：{problem}");
        }

        return new HolidayNoticeDay(parsed, text, off.GetBoolean());
    }

    private static string ReadSource(JsonElement root)
    {
        if (root.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.String)
        {
            return source.GetString()!.Trim();
        }

        if (root.TryGetProperty("papers", out var papers) && papers.ValueKind == JsonValueKind.Array)
        {
            return string.Join(" ", papers.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString())).Trim();
        }

        return string.Empty;
    }

    private static Refusal Invalid(string detail) => new("calendar/invalid-notice", "节假日公告无效", detail);
}

public sealed record HolidayNoticeDay(DateOnly Date, string Name, bool IsOffDay);
