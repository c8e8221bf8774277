using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Common;
using Zhengzhao.Coordination;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Coordination;

[Authorize(Policy = IdentitySetup.DepartmentDeskPolicy)]
public sealed class InboxModel(Inbox inbox) : PageModel
{
    public IReadOnlyList<Inbox.Line> Lines { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Lines = await inbox.ListAsync(User.DepartmentCode(), cancellationToken);

    public async Task<IActionResult> OnPostClaimAsync(Guid id, CancellationToken cancellationToken) =>
        await DoneAsync(await inbox.ClaimAsync(id, User.DepartmentCode(), User.ToActor(), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostReturnAsync(Guid id, ReturnReason reason, string? remark, CancellationToken cancellationToken) =>
        await DoneAsync(await inbox.ReturnAsync(id, User.DepartmentCode(), reason, remark, User.ToActor(), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostFeedbackAsync(Guid id, FeedbackOutcome outcome, string? permitNumber, string? remark, CancellationToken cancellationToken) =>
        await DoneAsync(await inbox.FeedbackAsync(id, User.DepartmentCode(), outcome, permitNumber, remark, User.ToActor(), cancellationToken), cancellationToken);

    private async Task<IActionResult> DoneAsync(Result<Push> result, CancellationToken cancellationToken)
    {
        if (result.IsSuccess)
        {
            return RedirectToPage();
        }

        Error = result.Refusal!.Detail;
        Lines = await inbox.ListAsync(User.DepartmentCode(), cancellationToken);
        return Page();
    }
}
