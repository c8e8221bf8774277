using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Licensing;

/// <summary>
/// A letter of an application (受理通知书, 补正告知书, 不予受理决定书, 决定书, 办理期限暂停告知书 per pause), printable on A4, for whoever may open the
/// application. A letter the application does not have yet answers 404 with the reason, as does anyone else's.
/// </summary>
[Authorize(Roles = Roles.Applicant + "," + Roles.WindowClerk + "," + Roles.Approver + "," + Roles.DepartmentAdmin)]
public sealed class LetterModel(GetApplicationLetter letters) : PageModel
{
    public Guid Id { get; private set; }

    public ApplicationLetter? Letter { get; private set; }

    public string? Missing { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string kind, CancellationToken cancellationToken)
    {
        Id = id;
        var result = ApplicationLetters.FromSlug(kind) is { } known
            ? await letters.HandleAsync(id, known, User.ApplicationReader(), cancellationToken)
            : new Refusal("licensing/unknown-letter", "没有该文书", "没有这种文书。", RefusalKind.NotFound);
        Letter = result.Value;
        if (result.Refusal is { } refusal)
        {
            // A body of its own keeps the status-code page from replacing the reason with a generic one.
            Missing = refusal.Detail;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
