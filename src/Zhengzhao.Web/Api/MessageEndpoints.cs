using System.Security.Claims;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Notifications;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Api;

/// <summary>站内消息 over HTTP: the caller's mailbox (an applicant's includes its company's), newest first.</summary>
public static class MessageEndpoints
{
    public sealed record MessageView(Guid Id, string Subject, string Body, string? Link, DateTime CreatedAt, DateTime? ReadAt);

    public sealed record MarkedView(int Marked);

    public sealed record InboxView(int Unread, IReadOnlyList<MessageView> Messages);

    public static RouteGroupBuilder MapMessageEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/messages").WithTags("站内消息 Messages").RequireAuthorization();

        group.MapGet("/", async (ListMessages list, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var page = await list.HandleAsync(user.Mailboxes(), ct);
                return new InboxView(page.Unread, [.. page.Messages.Select(View)]);
            })
            .WithName("ListMessages").WithSummary($"本人（及本企业）的站内消息，最新的 {ListMessages.PageSize} 条");

        group.MapPost("/{id:guid}/read", async (Guid id, ReadMessage read, ClaimsPrincipal user, CancellationToken ct) =>
                (await read.HandleAsync(user.Mailboxes(), id, ct)).ToHttpResult(View))
            .RequireAuthorization(IdentitySetup.BearerOnlyPolicy).DisableAntiforgery()
            .WithName("MarkMessageRead").WithSummary("标为已读").ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/read", async (MarkAllMessagesRead markAll, ClaimsPrincipal user, CancellationToken ct) =>
                new MarkedView(await markAll.HandleAsync(user.Mailboxes(), ct)))
            .RequireAuthorization(IdentitySetup.BearerOnlyPolicy).DisableAntiforgery()
            .WithName("MarkAllMessagesRead").WithSummary("全部标为已读");
        return api;
    }

    private static MessageView View(Message m) => new(m.Id, m.Subject, m.Body, m.Link, m.CreatedAt, m.ReadAt);
}
