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

    public async Task<IActionResult> OnPostAsync(Guid id, VerificationOutcome outcome, string? findings, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var attachments = new List<Guid>();
        foreach (var form in Request.Form.Files.Where(f => f.Name == "attachments" && f.Length > 0))
        {
            await using var content = form.OpenReadStream();
            var uploaded = await upload.HandleAsync(new(Verification!.Uscc, form.FileName, form.ContentType, form.Length, content, User.ToActor()), cancellationToken);
            if (!uploaded.IsSuccess)
            {
                Error = $"附件“{form.FileName}”：{uploaded.Refusal!.Detail}";
                return Page();
            }

            attachments.Add(uploaded.Value!.Id);
        }

        var concluded = await conclude.HandleAsync(new(id, outcome, findings, attachments, User.DepartmentCode(), User.ToActor()), cancellationToken);
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
