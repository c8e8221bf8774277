using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;
using Zhengzhao.Web.Api;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Admin.Calendar;

public sealed class IndexModel(
    GetCalendarOverview getOverview,
    ImportCalendarYear importYear,
    SaveCalendarDay saveDay,
    RemoveCalendarDay removeDay,
    ListReferenceData referenceData,
    TimeProvider time) : PageModel
{
    private const long MaxNoticeBytes = 1024 * 1024;

    [BindProperty(SupportsGet = true)]
    public string Layer { get; set; } = CalendarLayers.National;

    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    public GetCalendarOverview.Overview? Overview { get; private set; }

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public string LayerName => Layer == CalendarLayers.National ? "全国" : Regions.FirstOrDefault(r => r.Code == Layer)?.Name ?? Layer;

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? notice, CancellationToken cancellationToken)
    {
        if (notice is null || notice.Length == 0)
        {
            return await FailAsync("请选择要导入的公告文件。", cancellationToken);
        }

        if (notice.Length > MaxNoticeBytes)
        {
            return await FailAsync("公告文件不能超过 1 MB。", cancellationToken);
        }

        using var reader = new StreamReader(notice.OpenReadStream());
        var result = await importYear.HandleAsync(new(Layer, await reader.ReadToEndAsync(cancellationToken), User.ToActor()), cancellationToken);
        return result.IsSuccess
            ? Done($"已导入 {result.Value.Year} 年公告，共 {result.Value.Days} 天。", result.Value.Year)
            : await FailAsync(result.Refusal.Detail, cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveDayAsync(string? date, string? name, bool isOffDay, CancellationToken cancellationToken)
    {
        var parsed = ApiInput.Date(date, "日期");
        if (!parsed.IsSuccess)
        {
            return await FailAsync(parsed.Refusal.Detail, cancellationToken);
        }

        var day = parsed.Value;
        var result = await saveDay.HandleAsync(new(Layer, day, name ?? string.Empty, isOffDay, User.ToActor()), cancellationToken);
        return result.IsSuccess
            ? Done($"已保存 {day:yyyy-MM-dd} {result.Value.Name}。", day.Year)
            : await FailAsync(result.Refusal.Detail, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? date, CancellationToken cancellationToken)
    {
        var parsed = ApiInput.Date(date, "日期");
        if (!parsed.IsSuccess)
        {
            return await FailAsync(parsed.Refusal.Detail, cancellationToken);
        }

        var day = parsed.Value;
        var result = await removeDay.HandleAsync(new(Layer, day, User.ToActor()), cancellationToken);
        return result.IsSuccess
            ? Done($"已删除 {day:yyyy-MM-dd}。", day.Year)
            : await FailAsync(result.Refusal.Detail, cancellationToken);
    }

    // Post-redirect-get, so a refresh does not repeat the change.
    private RedirectToPageResult Done(string message, int year)
    {
        Message = message;
        return RedirectToPage(new { layer = Layer, year });
    }

    private async Task<PageResult> FailAsync(string error, CancellationToken cancellationToken)
    {
        Error = error;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (Year is < 1990 or > 2199)
        {
            Year = ChinaTime.Today(time).Year;
        }

        Regions = await referenceData.RegionsAsync(cancellationToken);
        if (Layer != CalendarLayers.National && Regions.All(r => r.Code != Layer))
        {
            Layer = CalendarLayers.National;
        }

        Overview = await getOverview.HandleAsync(new(Layer, Year), cancellationToken);
    }
}
