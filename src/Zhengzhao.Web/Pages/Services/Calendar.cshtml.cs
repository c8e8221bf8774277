using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Calendar;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Web.Pages.Services;

public sealed class CalendarModel(GetCalendarDay getDay, AddWorkdays addWorkdays, ListReferenceData referenceData) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Days { get; set; }

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public GetCalendarDay.CalendarDayAnswer? Day { get; private set; }

    public AddWorkdays.AddWorkdaysAnswer? Due { get; private set; }

    public string? Error { get; private set; }

    public string WeekdayName => Day is null ? string.Empty : CultureInfo.GetCultureInfo("zh-CN").DateTimeFormat.GetDayName(Day.Date.DayOfWeek);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Regions = await referenceData.RegionsAsync(cancellationToken);
        if (string.IsNullOrEmpty(Date))
        {
            return;
        }

        if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Error = "请输入有效的日期。";
            return;
        }

        var region = string.IsNullOrEmpty(Region) ? null : Region;
        var day = await getDay.HandleAsync(new(date, region), cancellationToken);
        Day = day.Value;
        Error = day.Refusal?.Detail;
        if (day.IsSuccess && Days is { } days)
        {
            var due = await addWorkdays.HandleAsync(new(date, days, region), cancellationToken);
            Due = due.Value;
            Error = due.Refusal?.Detail;
        }
    }
}
