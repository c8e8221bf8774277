using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Licensing.Verifications;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Licensing.Verifications;

/// <summary>One verification: what was granted and on what, and the form to record the finding (with its files).</summary>
[Authorize(Roles = Roles.Approver + "," + Roles.DepartmentAdmin)]
public sealed class ShowModel(FindVerifications find, ConcludeVerification conclude, UploadMaterial upload) : PageModel
{
    public Verification? Verification { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <param name="outcome">Nullable so that a forged or garbled value is refused, not bound to the default 相符.</param>
    public async Task<IActionResult> OnPostAsync(Guid id, VerificationOutcome? outcome, string? findings, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (outcome is null)
        {
            Error = "请选择核查结论：相符或不实。";
            return Page();
        }

        var attachments = await upload.UploadAllAsync(Request.Form.Files.GetFiles("attachments"), Verification!.Uscc, User.ApplicationReader(), User.ToActor(), cancellationToken);
        if (!attachments.IsSuccess)
        {
            Error = attachments.Refusal!.Detail;
            return Page();
        }

        var concluded = await conclude.HandleAsync(new(id, outcome.Value, findings, attachments.Value!, User.DepartmentCode(), User.ToActor()), cancellationToken);
        if (concluded.IsSuccess)
        {
            return RedirectToPage(new { id });
        }

        Error = concluded.Refusal!.Detail;
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Verification = (await find.GetAsync(id, User.DepartmentCode(), cancellationToken)).Value;
        return Verification is not null;
    }
}
