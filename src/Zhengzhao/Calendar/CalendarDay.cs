namespace Zhengzhao.Calendar;

/// <summary>
/// One announced exception to the weekday rule in one calendar layer: a weekday off (<see cref="IsOffDay"/>)
/// or a weekend day made a working day (调休). <see cref="NoticeYear"/> is the year of the notice that announced it,
/// which for late-December days is the following year.
/// </summary>
public sealed class CalendarDay : Audit.IAudited
{
    private CalendarDay()
    {
        Layer = string.Empty;
        Name = string.Empty;
    }

    public CalendarDay(string layer, int noticeYear, DateOnly date, string name, bool isOffDay)
    {
        Layer = layer;
        NoticeYear = noticeYear;
        Date = date;
        Name = name;
        IsOffDay = isOffDay;
    }

    /// <summary><see cref="CalendarLayers.National"/> or the region code the layer belongs to.</summary>
    public string Layer { get; private set; }

    public DateOnly Date { get; private set; }

    public int NoticeYear { get; private set; }

    public string Name { get; private set; }

    public bool IsOffDay { get; private set; }

    public void Change(string name, bool isOffDay, int noticeYear)
    {
        Name = name;
        IsOffDay = isOffDay;
        NoticeYear = noticeYear;
    }
}

/// <summary>A notice year published in a layer: the national table for 2027, Tibet's regional table for 2026.</summary>
public sealed class CalendarYear : Audit.IAudited
{
    private CalendarYear()
    {
        Layer = string.Empty;
        Source = string.Empty;
    }

    public CalendarYear(string layer, int year, string source, DateTime importedAt)
    {
        Layer = layer;
        Year = year;
        Source = source;
        ImportedAt = importedAt;
    }

    public string Layer { get; private set; }

    public int Year { get; private set; }

    public string Source { get; private set; }

    public DateTime ImportedAt { get; private set; }

    public void Republish(string source, DateTime importedAt)
    {
        Source = source;
        ImportedAt = importedAt;
    }
}

public static class CalendarLayers
{
    /// <summary>The layer code of the national calendar; regional layers use their GB/T 2260 code.</summary>
    public const string National = "000000";

    /// <summary>
    /// The layers a region falls back through, nearest first: 540102 → 540102, 540100, 540000, national.
    /// GB/T 2260 codes carry their ancestry in their digits, so no table is needed.
    /// </summary>
    public static IEnumerable<string> Ancestry(string? region)
    {
        if (string.IsNullOrEmpty(region) || region == National)
        {
            yield return National;
            yield break;
        }

        yield return region;
        var city = string.Concat(region.AsSpan(0, 4), "00");
        if (city != region)
        {
            yield return city;
        }

        var province = string.Concat(region.AsSpan(0, 2), "0000");
        if (province != city)
        {
            yield return province;
        }

        yield return National;
    }
}
