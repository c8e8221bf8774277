using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Coordination.Webhooks;
using Zhengzhao.Identity;
using Zhengzhao.Web.Api;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Coordination;

/// <summary>Failed and dead webhook deliveries, with 重新发送: a department admin's own, the administrator's all.</summary>
[Authorize(Roles = Roles.DepartmentAdmin + "," + Roles.Administrator)]
public sealed class DeliveriesModel(WebhookDeliveries deliveries) : PageModel
{
    public IReadOnlyList<OutboundMessage> Messages { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Messages = await deliveries.ListTroubledAsync(User.DeliveryScope(), cancellationToken);

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await deliveries.ResendAsync(id, User.DeliveryScope(), User.ToActor(), cancellationToken);
        return await DoneAsync(result.IsSuccess ? "已重新发送，稍后投递。" : null, result.Refusal?.Detail, cancellationToken);
    }

    public async Task<IActionResult> OnPostResendDeadAsync(CancellationToken cancellationToken)
    {
        var count = await deliveries.ResendDeadAsync(User.DeliveryScope(), User.ToActor(), cancellationToken);
        return await DoneAsync(count > 0 ? $"已重新发送 {count} 条死信，稍后投递。" : null, count > 0 ? null : "没有需要重新发送的死信。", cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(string? message, string? error, CancellationToken cancellationToken)
    {
        Message = message;
        Error = error;
        Messages = await deliveries.ListTroubledAsync(User.DeliveryScope(), cancellationToken);
        return Page();
    }
}
