using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Permits;

/// <summary>
/// 电子证照: the permit as printed, with the QR code of its verification link; for the issuing department's staff,
/// revocation and cancellation below it (each audited, from the revision on the page).
/// </summary>
public sealed class ShowModel(FindPermits find, VerifyPermit verify, PermitLinks links, RevokePermit revoke, CancelPermit cancel) : PageModel
{
    public PermitView? View { get; private set; }

    public string VerificationUrl { get; private set; } = string.Empty;

    public string QrSvg { get; private set; } = string.Empty;

    public string? Error { get; private set; }

    /// <summary>Whether the user is staff of the issuing department, who may revoke or cancel.</summary>
    public bool CanAct { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, string number, string? reason, int revision, CancellationToken cancellationToken) =>
        IsDesk() ? await DoneAsync(id, await revoke.HandleAsync(new(number, reason, revision, User.DepartmentCode(), User.ToActor()), cancellationToken), cancellationToken) : Forbid();

    public async Task<IActionResult> OnPostCancelAsync(Guid id, string number, string? reason, int revision, CancellationToken cancellationToken) =>
        IsDesk() ? await DoneAsync(id, await cancel.HandleAsync(new(number, reason, revision, User.DepartmentCode(), User.ToActor()), cancellationToken), cancellationToken) : Forbid();

    private bool IsDesk() => User.IsInRole(Roles.Approver) || User.IsInRole(Roles.DepartmentAdmin);

    private async Task<IActionResult> DoneAsync(Guid id, Result<Permit> result, CancellationToken cancellationToken)
    {
        if (result.IsSuccess)
        {
            return RedirectToPage(new { id });
        }

        Error = result.Refusal!.Detail;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.PermitScope() is not { } scope || !(await find.GetAsync(id, scope, cancellationToken) is { IsSuccess: true } found))
        {
            return false;
        }

        View = found.Value!;
        VerificationUrl = links.VerificationUrl(Request, verify.TokenFor(id));
        QrSvg = PermitQr.Svg(VerificationUrl);
        CanAct = IsDesk() && View.Permit.DepartmentCode == User.DepartmentCode() && View.Permit.Status == PermitStatus.Valid;
        return true;
    }
}
