using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Coordination;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Coordination;

[Authorize(Policy = IdentitySetup.DepartmentDeskPolicy)]
public sealed class CopiesModel(Copies copies) : PageModel
{
    public IReadOnlyList<Copies.Line> Lines { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Lines = await copies.ListAsync(User.DepartmentCode(), cancellationToken);

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await copies.AcknowledgeAsync(id, User.DepartmentCode(), User.ToActor(), cancellationToken);
        if (result.IsSuccess)
        {
            return RedirectToPage();
        }

        Error = result.Refusal!.Detail;
        Lines = await copies.ListAsync(User.DepartmentCode(), cancellationToken);
        return Page();
    }
}
