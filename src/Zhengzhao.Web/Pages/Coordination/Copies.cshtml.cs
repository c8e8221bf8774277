using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Coordination;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Coordination;

[Authorize(Policy = IdentitySetup.DepartmentDeskPolicy)]
public sealed class CopiesModel(ListPushCopies copies, AcknowledgePushCopy acknowledge) : PageModel
{
    public IReadOnlyList<ListPushCopies.Line> Lines { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Lines = await copies.HandleAsync(User.DepartmentCode(), cancellationToken);

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await acknowledge.HandleAsync(id, User.DepartmentCode(), User.ToActor(), cancellationToken);
        if (result.IsSuccess)
        {
            return RedirectToPage();
        }

        Error = result.Refusal.Detail;
        Lines = await copies.HandleAsync(User.DepartmentCode(), cancellationToken);
        return Page();
    }
}
