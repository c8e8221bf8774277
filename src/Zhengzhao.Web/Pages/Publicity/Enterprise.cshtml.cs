using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Zhengzhao.Credit;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Publicity;

/// <summary>
/// 企业信用信息 for the public, at a permanent address by code: the company's public facts and its record by tab,
/// printable as a credit report.
/// </summary>
[EnableRateLimiting(PublicRateLimit.Policy)]
public sealed class EnterpriseModel(GetPublicRecord get, TimeProvider time) : PageModel
{
    public GetPublicRecord.PublicRecord? Record { get; private set; }

    public DateTimeOffset PrintedAt => Common.ChinaTime.Now(time);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var found = await get.HandleAsync(code, cancellationToken);
        if (!found.IsSuccess)
        {
            // A mistyped code is sent to the search, which says what is wrong with it; a well-formed unknown one is not found.
            return found.Refusal.Kind == Common.RefusalKind.Invalid ? RedirectToPage("/Publicity/Index", new { q = code }) : NotFound();
        }

        Record = found.Value;
        return Page();
    }
}
