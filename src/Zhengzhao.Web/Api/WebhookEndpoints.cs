using System.Security.Claims;
using Zhengzhao.Common;
using Zhengzhao.Coordination.Webhooks;
using Zhengzhao.Identity;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Api;

/// <summary>A department's outbound webhook: its endpoint (the department admin's) and the deliveries that failed.</summary>
public static class WebhookEndpoints
{
    public sealed record EndpointRequest(string? Url);

    /// <summary>An endpoint; <see cref="Secret"/> is present only in the answer that made it, and never again.</summary>
    public sealed record EndpointView(string Department, string Url, bool Active, string SetBy, DateTimeOffset SetAt, string? Secret);

    public sealed record DeliveryView(Guid Id, string Department, string Event, string State, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeadAt, int? LastStatus, string? LastError);

    public sealed record Resent(int Count);

    /// <summary>The signed-in officer's own department (empty when the account has none, which matches nothing).</summary>
    public static string OwnDepartment(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(ZhengzhaoClaims.Department)?.Value ?? string.Empty;
    }

    /// <summary>Whose deliveries the user sees and resends: all for the administrator (<c>null</c>), else the own department's.</summary>
    public static string? DeliveryScope(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Administrator) ? null : user.OwnDepartment();
    }

    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        var endpoint = api.MapGroup("/coordination/webhook").WithTags("部门接收地址 Webhooks").RequireAuthorization(Roles.DepartmentAdmin);

        endpoint.MapGet("/", async (ManageWebhook manage, HttpContext context, CancellationToken ct) =>
                (await manage.ListAsync(context.User.OwnDepartment(), ct)) is [{ Endpoint: { } e }]
                    ? Results.Ok(EndpointOf(e, null))
                    : Problems.From(new("coordination/webhook-not-set", "尚未设置接收地址", "本部门尚未设置接收地址。", RefusalKind.NotFound)))
            .WithName("GetWebhook")
            .WithSummary("本部门的接收地址（不含密钥）")
            .Produces<EndpointView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        endpoint.MapPut("/", async (EndpointRequest request, ManageWebhook manage, HttpContext context, CancellationToken ct) =>
                (await manage.SetUrlAsync(context.User.OwnDepartment(), request.Url, context.User.ToActor(), ct)).ToHttpResult(s => EndpointOf(s.Endpoint, s.NewSecret)))
            .RequireAuthorization(IdentitySetup.BearerOnlyPolicy)
            .WithName("SetWebhook")
            .WithSummary("设置本部门的接收地址（http/https）并启用；首次设置时返回密钥，仅此一次")
            .Produces<EndpointView>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        endpoint.MapPost("/secret", async (ManageWebhook manage, HttpContext context, CancellationToken ct) =>
                (await manage.RotateSecretAsync(context.User.OwnDepartment(), context.User.ToActor(), ct)).ToHttpResult(s => EndpointOf(s.Endpoint, s.NewSecret)))
            .RequireAuthorization(IdentitySetup.BearerOnlyPolicy)
            .WithName("RotateWebhookSecret")
            .WithSummary("更换密钥：返回新密钥，仅此一次；此后的投递以新密钥签名")
            .Produces<EndpointView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var deliveries = api.MapGroup("/coordination/webhook-deliveries").WithTags("部门接收地址 Webhooks")
            .RequireAuthorization(p => p.RequireRole(Roles.DepartmentAdmin, Roles.Administrator));

        deliveries.MapGet("/", async (WebhookDeliveries list, HttpContext context, CancellationToken ct) =>
                Results.Ok((await list.ListTroubledAsync(context.User.DeliveryScope(), ct)).Select(View)))
            .WithName("ListWebhookDeliveries")
            .WithSummary("投递失败（重试中）和已转入死信的消息：部门管理员看本部门，系统管理员看全部")
            .Produces<IEnumerable<DeliveryView>>();

        deliveries.MapPost("/{id:guid}/resend", async (Guid id, WebhookDeliveries list, HttpContext context, CancellationToken ct) =>
                (await list.ResendAsync(id, context.User.DeliveryScope(), context.User.ToActor(), ct)).ToHttpResult(View))
            .RequireAuthorization(IdentitySetup.BearerOnlyPolicy)
            .WithName("ResendWebhookDelivery")
            .WithSummary("重新发送一条死信")
            .Produces<DeliveryView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        deliveries.MapPost("/resend-dead", async (WebhookDeliveries list, HttpContext context, CancellationToken ct) =>
                Results.Ok(new Resent(await list.ResendDeadAsync(context.User.DeliveryScope(), context.User.ToActor(), ct))))
            .RequireAuthorization(IdentitySetup.BearerOnlyPolicy)
            .WithName("ResendDeadWebhookDeliveries")
            .WithSummary("重新发送全部死信（部门管理员：本部门；系统管理员：全部）")
            .Produces<Resent>();
        return api;
    }

    private static DeliveryView View(OutboundMessage m) =>
        new(m.Id, m.DepartmentCode, m.EventType, m.State.ToString(), m.Attempts, ChinaTime.ToChina(m.CreatedAt), Optional(m.LastAttemptAt), m.State == DeliveryState.Failing ? ChinaTime.ToChina(m.NextAttemptAt) : null, Optional(m.DeadAt), m.LastStatus, m.LastError);

    private static EndpointView EndpointOf(WebhookEndpoint e, string? secret) => new(e.DepartmentCode, e.Url, e.IsActive, e.SetBy, ChinaTime.ToChina(e.SetAt), secret);

    private static DateTimeOffset? Optional(DateTime? utc) => utc is { } t ? ChinaTime.ToChina(t) : null;
}
