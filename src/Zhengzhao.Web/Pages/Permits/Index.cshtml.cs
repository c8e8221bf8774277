using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Licensing;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Permits;

/// <summary>The permits the user may see: an applicant its own, a department the ones it issued, the registrar all.</summary>
public sealed class IndexModel(FindPermits find) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    public IReadOnlyList<PermitView> Permits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.PermitScope() is not { } scope)
        {
            return Forbid();
        }

        Permits = await find.ListAsync(scope, Number, cancellationToken);
        return Page();
    }
}
