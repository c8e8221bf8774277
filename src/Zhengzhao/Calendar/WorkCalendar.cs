using System.Collections.Concurrent;

namespace Zhengzhao.Calendar;

/// <summary>
/// Working days per calendar layer, precomputed so every question is O(1) or O(log n):
/// a prefix count of working days from <see cref="FirstDate"/> answers "how many between" by subtraction,
/// and "add n working days" by a binary search over that monotone count. No I/O; built from the announced days.
/// </summary>
public sealed class WorkCalendar
{
    public static readonly DateOnly FirstDate = new(1990, 1, 1);
    public static readonly DateOnly LastDate = new(2199, 12, 31);

    private static readonly int FirstDayNumber = FirstDate.DayNumber;
    private static readonly int DayCount = LastDate.DayNumber - FirstDayNumber + 1;

    private readonly Dictionary<string, Layer> _layers;

    // Region code → its layer, resolved once: the due-date arithmetic itself then allocates nothing.
    private readonly ConcurrentDictionary<string, Layer> _layerByRegion = new(StringComparer.Ordinal);

    public WorkCalendar(IEnumerable<CalendarDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var byLayer = days.GroupBy(d => d.Layer).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var national = byLayer.GetValueOrDefault(CalendarLayers.National) ?? [];

        _layers = new Dictionary<string, Layer>(StringComparer.Ordinal)
        {
            [CalendarLayers.National] = new Layer(national),
        };

        // A regional layer is the national calendar with each ancestor's days laid over it, nearest last:
        // a city's own day does not hide the region's Tibetan New Year.
        foreach (var code in byLayer.Keys.Where(c => c != CalendarLayers.National))
        {
            var ancestry = CalendarLayers.Ancestry(code).Reverse().Where(c => c != CalendarLayers.National && byLayer.ContainsKey(c));
            _layers[code] = new Layer(national.Concat(ancestry.SelectMany(c => byLayer[c])));
        }
    }

    public static bool InRange(DateOnly date) => date >= FirstDate && date <= LastDate;

    /// <summary>The layer a region's dates follow: its own, else the nearest one up its code, else the national one.</summary>
    public string LayerFor(string? region) => CalendarLayers.Ancestry(region).First(_layers.ContainsKey);

    public bool IsWorkday(DateOnly date, string? region = null) => LayerOf(region).IsWorkday(Index(date));

    /// <summary>The name of the holiday or make-up working day on that date, or null on an ordinary day.</summary>
    public string? NameOf(DateOnly date, string? region = null) =>
        LayerOf(region).Names.TryGetValue(date, out var name) ? name : null;

    /// <summary>
    /// The date <paramref name="days"/> working days after <paramref name="from"/>; counting starts the day after,
    /// so 0 returns <paramref name="from"/> itself and 1 the next working day. Negative counts go backwards.
    /// </summary>
    public DateOnly AddWorkdays(DateOnly from, int days, string? region = null) =>
        TryAddWorkdays(from, days, region, out var date)
            ? date
            : throw new ArgumentOutOfRangeException(nameof(days), days, "The result falls outside the calendar's range.");

    /// <summary>As <see cref="AddWorkdays"/>, false when the date or the result falls outside the calendar's range.</summary>
    public bool TryAddWorkdays(DateOnly from, int days, string? region, out DateOnly date)
    {
        date = from;
        if (!InRange(from))
        {
            return false;
        }

        if (days == 0)
        {
            return true;
        }

        var layer = LayerOf(region);
        var start = Index(from);
        var target = days > 0
            ? layer.CountThrough(start) + days
            : layer.CountThrough(start - 1) + days + 1;
        if (target < 1 || target > layer.CountThrough(DayCount - 1))
        {
            return false;
        }

        date = DateOnly.FromDayNumber(FirstDayNumber + layer.FirstIndexReaching(target));
        return true;
    }

    /// <summary>Working days in (a, b]: the inverse of <see cref="AddWorkdays"/>, negative when b precedes a.</summary>
    public int WorkdaysBetween(DateOnly a, DateOnly b, string? region = null)
    {
        var layer = LayerOf(region);
        return layer.CountThrough(Index(b)) - layer.CountThrough(Index(a));
    }

    private Layer LayerOf(string? region) =>
        region is null ? _layers[CalendarLayers.National] : _layerByRegion.GetOrAdd(region, r => _layers[LayerFor(r)]);

    private static int Index(DateOnly date)
    {
        if (!InRange(date))
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "The date falls outside the calendar's range.");
        }

        return date.DayNumber - FirstDayNumber;
    }

    private sealed class Layer
    {
        // _cumulative[i] = working days in [FirstDate, FirstDate + i].
        private readonly int[] _cumulative = new int[DayCount];

        public Layer(IEnumerable<CalendarDay> days)
        {
            // Later entries win: the regional days come after the national ones for the same date.
            var exceptions = new Dictionary<int, bool>();
            foreach (var day in days)
            {
                if (InRange(day.Date))
                {
                    exceptions[day.Date.DayNumber - FirstDayNumber] = !day.IsOffDay;
                    Names[day.Date] = day.Name;
                }
            }

            var count = 0;
            for (var i = 0; i < DayCount; i++)
            {
                var weekday = DateOnly.FromDayNumber(FirstDayNumber + i).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
                if (exceptions.TryGetValue(i, out var working) ? working : weekday)
                {
                    count++;
                }

                _cumulative[i] = count;
            }
        }

        public Dictionary<DateOnly, string> Names { get; } = [];

        public int CountThrough(int index) => index < 0 ? 0 : _cumulative[index];

        public bool IsWorkday(int index) => CountThrough(index) != CountThrough(index - 1);

        /// <summary>The first day whose count reaches <paramref name="target"/>: necessarily a working day.</summary>
        public int FirstIndexReaching(int target)
        {
            int low = 0, high = DayCount - 1;
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                if (_cumulative[middle] >= target)
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            return low;
        }
    }
}
