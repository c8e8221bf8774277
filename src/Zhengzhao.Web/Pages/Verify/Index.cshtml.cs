using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Licensing;

namespace Zhengzhao.Web.Pages.Verify;

/// <summary>证照核验, open to everyone: the QR code's link, or a permit number typed in.</summary>
public sealed class IndexModel(VerifyPermit verify) : PageModel
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
        Error = result.Refusal is { } refusal ? $"{refusal.Title}：{refusal.Detail}" : null;
    }
}
