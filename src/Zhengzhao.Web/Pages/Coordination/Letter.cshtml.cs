using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Coordination;
using Zhengzhao.Identity;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Coordination;

[Authorize(Roles = Roles.Applicant + "," + Roles.Regulator + "," + Roles.WindowClerk)]
public sealed class LetterModel(GetNotificationLetter getLetter, SignNotificationLetter sign) : PageModel
{
    public NotificationLetter? Letter { get; private set; }

    /// <summary>Only the company's own applicant signs, and only once.</summary>
    public bool CanSign => Letter is { IsSigned: false } && User.IsInRole(Roles.Applicant) && User.EnterpriseUscc() == Letter.Uscc;

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSignAsync(Guid id, string? signatoryName, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Roles.Applicant))
        {
            return Forbid();
        }

        var signed = await sign.HandleAsync(id, User.EnterpriseUscc() ?? string.Empty, signatoryName, HttpContext.Connection.RemoteIpAddress?.ToString(), User.ToActor(), cancellationToken);
        if (signed.IsSuccess)
        {
            return RedirectToPage(new { id });
        }

        Error = signed.Refusal.Detail;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Letter = (await getLetter.HandleAsync(id, User.IsInRole(Roles.Applicant) ? new(User.EnterpriseUscc() ?? string.Empty) : User.LetterReader(), cancellationToken)).Value;
        return Letter is not null;
    }
}
