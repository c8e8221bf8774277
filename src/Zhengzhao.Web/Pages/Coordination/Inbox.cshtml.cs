using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Common;
using Zhengzhao.Coordination;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Coordination;

[Authorize(Policy = IdentitySetup.DepartmentDeskPolicy)]
public sealed class InboxModel(ListPushInbox inbox, ClaimPush claim, ReturnPush returnPush, GiveFeedback feedback) : PageModel
{
    public IReadOnlyList<ListPushInbox.Line> Lines { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Lines = await inbox.HandleAsync(User.DepartmentCode(), cancellationToken);

    public async Task<IActionResult> OnPostClaimAsync(Guid id, CancellationToken cancellationToken) =>
        await DoneAsync(await claim.HandleAsync(id, User.DepartmentCode(), User.ToActor(), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostReturnAsync(Guid id, ReturnReason reason, string? remark, CancellationToken cancellationToken) =>
        await DoneAsync(await returnPush.HandleAsync(id, User.DepartmentCode(), reason, remark, User.ToActor(), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostFeedbackAsync(Guid id, FeedbackOutcome outcome, string? permitNumber, string? remark, CancellationToken cancellationToken) =>
        await DoneAsync(await feedback.HandleAsync(id, User.DepartmentCode(), outcome, permitNumber, remark, User.ToActor(), cancellationToken), cancellationToken);

    private async Task<IActionResult> DoneAsync(Result<Push> result, CancellationToken cancellationToken)
    {
        if (result.IsSuccess)
        {
            return RedirectToPage();
        }

        Error = result.Refusal.Detail;
        Lines = await inbox.HandleAsync(User.DepartmentCode(), cancellationToken);
        return Page();
    }
}
