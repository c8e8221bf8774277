using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Permits;

/// <summary>
/// 电子证照: the permit as printed, with the QR code of its verification link; for the issuing department's staff,
/// revocation and cancellation below it (each audited, from the revision on the page); for the holder, within the
/// renewal window, the renewal application (延续申请) with its form.
/// </summary>
public sealed class ShowModel(FindPermits find, VerifyPermit verify, PermitLinks links, RevokePermit revoke, CancelPermit cancel, UploadMaterial upload, FileApplication file, TimeProvider time) : PageModel
{
    public PermitView? View { get; private set; }

    public string VerificationUrl { get; private set; } = string.Empty;

    public string QrSvg { get; private set; } = string.Empty;

    public string? Error { get; private set; }

    /// <summary>Whether the user is staff of the issuing department, who may revoke or cancel.</summary>
    public bool CanAct { get; private set; }

    /// <summary>Whether the holder may apply to renew today: the permit valid, its window open.</summary>
    public bool CanRenew { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, string number, string? reason, int revision, CancellationToken cancellationToken) =>
        IsDesk() ? await DoneAsync(id, await revoke.HandleAsync(new(number, reason, revision, User.DepartmentCode(), User.ToActor()), cancellationToken), cancellationToken) : Forbid();

    public async Task<IActionResult> OnPostCancelAsync(Guid id, string number, string? reason, int revision, CancellationToken cancellationToken) =>
        IsDesk() ? await DoneAsync(id, await cancel.HandleAsync(new(number, reason, revision, User.DepartmentCode(), User.ToActor()), cancellationToken), cancellationToken) : Forbid();

    /// <summary>The holder files the renewal with its renewal form; the application page follows it from there.</summary>
    public async Task<IActionResult> OnPostRenewAsync(Guid id, IFormFile? form, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || User.EnterpriseUscc() is not { } uscc)
        {
            return NotFound();
        }

        if (form is not { Length: > 0 })
        {
            Error = $"请上传{Application.RenewalForm}（PDF、JPG 或 PNG）。";
            return Page();
        }

        await using var content = form.OpenReadStream();
        var uploaded = await upload.HandleAsync(new(uscc, form.FileName, form.ContentType, form.Length, content, User.ApplicationReader(), User.ToActor()), cancellationToken);
        if (!uploaded.IsSuccess)
        {
            Error = uploaded.Refusal.Detail;
            return Page();
        }

        var filed = await file.HandleAsync(
            new()
            {
                Uscc = uscc,
                Materials = [new(Application.RenewalForm, uploaded.Value.Id)],
                Submit = true,
                IdempotencyKey = $"renew-{View!.Permit.Number}-{uploaded.Value.Sha256[..16]}",
                By = User.ApplicationReader(),
                Actor = User.ToActor(),
                Renews = View.Permit.Number,
            },
            cancellationToken);
        if (!filed.IsSuccess)
        {
            Error = filed.Refusal.Detail;
            return Page();
        }

        return Redirect($"/Licensing/Application/{filed.Value.Application.Id}");
    }

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
        var today = ChinaTime.Today(time);
        CanRenew = User.EnterpriseUscc() == View.Permit.Uscc && View.Permit.StateOn(today) == PermitState.Valid
            && RenewalRules.CanFile(View.Permit.ValidTo, View.Permit.RenewalWindowDays, today) is null;
        return true;
    }
}
