using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Zhengzhao.Licensing;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Verify;

/// <summary>证照核验, open to everyone: the QR code's link, or a permit number typed in.</summary>
/// <remarks>Permit numbers run in sequence, so the look-up shares the public portal's fair-use limit (ADR 21).</remarks>
[EnableRateLimiting(PublicRateLimit.Policy)]
public sealed partial class IndexModel(VerifyPermit verify) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    public PublicPermit? Permit { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        if (token is null && Number is null)
        {
            return;
        }

        var result = token is not null ? await verify.ByTokenAsync(token, cancellationToken) : await verify.ByNumberAsync(Number, cancellationToken);
        Permit = result.Value;
        // The detail is the whole sentence; its title, put before it, only repeated its start ("请输入证号：请输入…").
        Error = result.Refusal?.Detail;
        if (token is null && result.Refusal?.Kind == Common.RefusalKind.NotFound && !NumberShape().IsMatch(Number!.Trim()))
        {
            Error += "证号形如 XZ-SYJ-2026-000123（部门代码-年份-六位序号），请对照证照逐位核对。";
        }
    }

    /// <summary>How every permit number looks (department code, year, serial), to tell a mistyped number from an unknown one.</summary>
    [GeneratedRegex(@"^[A-Z]+(-[A-Z0-9]+)*-\d{4}-\d{6}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberShape();
}
