using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Common;
using Zhengzhao.Coordination;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Coordination;

[Authorize(Roles = Roles.Regulator)]
public sealed class ReturnsModel(ListReturnedPushes returns, RedispatchPush redispatch, ClosePush close, ListReferenceData referenceData) : PageModel
{
    public IReadOnlyList<PushViews.Row> Rows { get; private set; } = [];

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRedispatchAsync(Guid id, string? department, CancellationToken cancellationToken) =>
        await DoneAsync(await redispatch.HandleAsync(id, department, User.ToActor(), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostCloseAsync(Guid id, string? remark, CancellationToken cancellationToken) =>
        await DoneAsync(await close.HandleAsync(id, remark, User.ToActor(), cancellationToken), cancellationToken);

    private async Task<IActionResult> DoneAsync(Result<Push> result, CancellationToken cancellationToken)
    {
        if (result.IsSuccess)
        {
            return RedirectToPage();
        }

        Error = result.Refusal.Detail;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rows = await returns.HandleAsync(cancellationToken);
        Departments = await referenceData.DepartmentsAsync(activeOnly: true, cancellationToken);
    }
}
