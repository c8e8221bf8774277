using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Coordination;
using Zhengzhao.Identity;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Coordination;

[Authorize(Roles = Roles.Approver + "," + Roles.DepartmentAdmin)]
public sealed class InboxModel(Inbox inbox) : PageModel
{
    public IReadOnlyList<Inbox.Line> Lines { get; private set; } = [];

    public string? Error { get; private set; }

    /// <summary>The department whose inbox this is: the signed-in officer's own.</summary>
    private string Department => User.FindFirst(ZhengzhaoClaims.Department)?.Value ?? string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Lines = await inbox.ListAsync(Department, cancellationToken);

    public async Task<IActionResult> OnPostClaimAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await inbox.ClaimAsync(id, Department, User.ToActor(), cancellationToken);
        return await DoneAsync(result.Refusal?.Detail, cancellationToken);
    }

    public async Task<IActionResult> OnPostReturnAsync(Guid id, ReturnReason reason, string? remark, CancellationToken cancellationToken)
    {
        var result = await inbox.ReturnAsync(id, Department, reason, remark, User.ToActor(), cancellationToken);
        return await DoneAsync(result.Refusal?.Detail, cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(string? error, CancellationToken cancellationToken)
    {
        if (error is null)
        {
            return RedirectToPage();
        }

        Error = error;
        Lines = await inbox.ListAsync(Department, cancellationToken);
        return Page();
    }
}
