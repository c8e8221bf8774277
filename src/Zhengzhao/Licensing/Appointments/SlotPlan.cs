using System.Globalization;
using Zhengzhao.Calendar;
using Zhengzhao.Common;

namespace Zhengzhao.Licensing.Appointments;

/// <summary>One line of a daily template: a time window and how many applicants it takes; extended lines are 延时服务.</summary>
public sealed record SlotLine(TimeOnly Start, TimeOnly End, int Capacity, bool IsExtended);

/// <summary>A slot to exist: a template line on one date.</summary>
public sealed record PlannedSlot(DateOnly Date, SlotLine Line);

/// <summary>
/// Publishing rules, without I/O: which slots a daily template yields over a date range. Slots fall on the working
/// days of the hall's region only, so a holiday gets none and a 调休 make-up working day gets the full template.
/// </summary>
public static class SlotPlan
{
    /// <summary>At most this many days are published at once: a quarter ahead is as far as halls plan their staff.</summary>
    public const int MaxRangeDays = 92;

    public static Result<IReadOnlyList<PlannedSlot>> Generate(WorkCalendar calendar, string regionCode, DateOnly from, DateOnly to, IReadOnlyList<SlotLine> lines, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(lines);
        if (to < from)
        {
            return AppointmentRefusals.Invalid("to", "结束日期不能早于开始日期。");
        }

        if (from < today)
        {
            return AppointmentRefusals.Invalid("from", $"不能为已过去的日期发布号源（今天是 {today:yyyy-MM-dd}）。");
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxRangeDays || !WorkCalendar.InRange(from) || !WorkCalendar.InRange(to))
        {
            return AppointmentRefusals.Invalid("to", $"一次最多发布 {MaxRangeDays} 天的号源。");
        }

        if (Check(lines) is { } refusal)
        {
            return refusal;
        }

        var planned = new List<PlannedSlot>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (calendar.IsWorkday(date, regionCode))
            {
                planned.AddRange(lines.Select(l => new PlannedSlot(date, l)));
            }
        }

        return planned.Count > 0
            ? planned
            : AppointmentRefusals.NoWorkingDays(from, to);
    }

    /// <summary>Lines are well-formed and do not overlap: one applicant cannot be expected at two windows at once.</summary>
    public static Refusal? Check(IReadOnlyList<SlotLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            return AppointmentRefusals.Invalid("template", "请至少填写一个时段。");
        }

        foreach (var line in lines)
        {
            if (line.End <= line.Start)
            {
                return AppointmentRefusals.Invalid("template", $"时段 {Describe(line)} 的结束时间应晚于开始时间。");
            }

            if (line.Capacity is < 1 or > Slot.MaxCapacity)
            {
                return AppointmentRefusals.Invalid("template", $"时段 {Describe(line)} 的可约人数应为 1 至 {Slot.MaxCapacity}。");
            }
        }

        var ordered = lines.OrderBy(l => l.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Start < ordered[i - 1].End)
            {
                return AppointmentRefusals.Invalid("template", $"时段 {Describe(ordered[i - 1])} 与 {Describe(ordered[i])} 重叠。");
            }
        }

        return null;
    }

    /// <summary>
    /// The template as typed on the page, one line per slot: <c>09:30-10:30 5</c>, with <c>延时</c> at the end for an
    /// extended-hours slot (<c>12:00-14:00 2 延时</c>). Full-width digits and punctuation are folded first.
    /// </summary>
    public static Result<IReadOnlyList<SlotLine>> Parse(string? text, bool extended = false)
    {
        var lines = new List<SlotLine>();
        var rows = (text ?? string.Empty).Normalize(System.Text.NormalizationForm.FormKC).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var (row, index) in rows.Select((r, i) => (r, i + 1)))
        {
            var parts = row.Replace('–', '-').Replace('—', '-').Replace('~', '-').Split([' ', '\t', '-'], StringSplitOptions.RemoveEmptyEntries);
            var isExtended = extended || parts is [_, _, _, "延时"];
            if (parts.Length != (parts is [_, _, _, "延时"] ? 4 : 3)
                || !TimeOnly.TryParseExact(parts[0], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !TimeOnly.TryParseExact(parts[1], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var capacity))
            {
                return AppointmentRefusals.Invalid("template", $"第 {index} 行“{row}”格式不对，应为“09:30-10:30 5”（开始-结束 可约人数），延时服务在行末加“延时”。");
            }

            lines.Add(new SlotLine(start, end, capacity, isExtended));
        }

        return lines;
    }

    public static string Describe(SlotLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return $"{line.Start:HH\\:mm}-{line.End:HH\\:mm}";
    }
}
