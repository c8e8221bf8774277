using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Identity;
using Zhengzhao.Registry;

namespace Zhengzhao.Web.Pages.Registry;

public sealed class EnterpriseModel(FindEnterprises find) : PageModel
{
    public FindEnterprises.File? Record { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        // Only the registrar sees the legal representative's identity number in full.
        Record = await find.GetAsync(code, reveal: User.IsInRole(Roles.Regulator), cancellationToken);
        return Record is null ? NotFound() : Page();
    }
}
