using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Common;
using Zhengzhao.Coordination.Webhooks;
using Zhengzhao.Identity;
using Zhengzhao.Web.Api;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Coordination;

/// <summary>A department admin keeps its department's endpoint; the administrator sees every department's.</summary>
[Authorize(Roles = Roles.DepartmentAdmin + "," + Roles.Administrator)]
public sealed class WebhookModel(ManageWebhook manage) : PageModel
{
    public IReadOnlyList<ManageWebhook.Overview> Endpoints { get; private set; } = [];

    public ManageWebhook.Overview? Own { get; private set; }

    [BindProperty]
    public string? Address { get; set; }

    /// <summary>A secret just made: shown in this answer only.</summary>
    public string? NewSecret { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public bool ManagesOwn => User.IsInRole(Roles.DepartmentAdmin);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken) =>
        ChangeAsync(actor => manage.SetUrlAsync(User.OwnDepartment(), Address, actor, cancellationToken), "接收地址已保存并启用。", cancellationToken);

    public Task<IActionResult> OnPostRotateAsync(CancellationToken cancellationToken) =>
        ChangeAsync(actor => manage.RotateSecretAsync(User.OwnDepartment(), actor, cancellationToken), "密钥已更换，此后的投递以新密钥签名。", cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) =>
        ChangeAsync(actor => manage.DisableAsync(User.OwnDepartment(), actor, cancellationToken), "接收地址已停用，新的推送不再投递。", cancellationToken);

    /// <summary>Only a department admin changes an endpoint, and only its own department's.</summary>
    private async Task<IActionResult> ChangeAsync(Func<Actor, Task<Result<ManageWebhook.Saved>>> change, string done, CancellationToken cancellationToken)
    {
        if (!ManagesOwn)
        {
            return Forbid();
        }

        var result = await change(User.ToActor());

        // The page answers the post itself (no redirect) so that a new secret is shown once and lives in no URL.
        NewSecret = result.Value?.NewSecret;
        Message = result.IsSuccess ? done : null;
        Error = result.Refusal?.Detail;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (ManagesOwn)
        {
            Own = await manage.ListAsync(User.OwnDepartment(), cancellationToken) is [var own] ? own : null;
            Address ??= Own?.Endpoint?.Url;
        }

        if (User.IsInRole(Roles.Administrator))
        {
            Endpoints = await manage.ListAsync(null, cancellationToken);
        }
    }
}
