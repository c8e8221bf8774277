using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Common;
using Zhengzhao.Coordination;
using Zhengzhao.Web.Api;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Coordination;

[Authorize(Policy = IdentitySetup.LoopOverseersPolicy)]
public sealed class StatisticsModel(CoordinationStatistics statistics, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public StatisticsGrouping By { get; set; }

    public CoordinationStatistics.Report? Report { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(cancellationToken);
        Report = result.Value;
        Error = result.Refusal?.Detail;
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(cancellationToken);
        if (!result.IsSuccess)
        {
            Error = result.Refusal.Detail;
            return Page();
        }

        var report = result.Value;
        return File(await CoordinationStatistics.ToWorkbookAsync(report, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"双告知统计-{report.Query.From:yyyyMMdd}-{report.Query.To:yyyyMMdd}.xlsx");
    }

    /// <summary>The range the form asks for; by default the year so far.</summary>
    private async Task<Result<CoordinationStatistics.Report>> RunAsync(CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(time);
        From = string.IsNullOrWhiteSpace(From) ? new DateOnly(today.Year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : From.Trim();
        To = string.IsNullOrWhiteSpace(To) ? today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : To.Trim();
        var from = ApiInput.Date(From, "起始日期");
        var to = ApiInput.Date(To, "截止日期");
        if (!from.IsSuccess || !to.IsSuccess)
        {
            return from.Refusal ?? to.Refusal!;
        }

        return await statistics.HandleAsync(new(from.Value, to.Value, By), cancellationToken);
    }
}
