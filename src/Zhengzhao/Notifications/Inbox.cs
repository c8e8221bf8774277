using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Notifications;

/// <summary>The reader's messages: an officer's own, an applicant's company's; newest first; read one, read all.</summary>
public sealed class Inbox(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public const int PageSize = 50;

    public sealed record Page(IReadOnlyList<Message> Messages, int Unread);

    public async Task<Page> ListAsync(IReadOnlyList<string> mailboxes, CancellationToken cancellationToken = default)
    {
        var messages = await db.Messages.AsNoTracking().Where(m => mailboxes.Contains(m.Mailbox)).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(PageSize).ToListAsync(cancellationToken);
        return new Page(messages, await UnreadAsync(mailboxes, cancellationToken));
    }

    public Task<int> UnreadAsync(IReadOnlyList<string> mailboxes, CancellationToken cancellationToken = default) =>
        db.Messages.CountAsync(m => mailboxes.Contains(m.Mailbox) && m.ReadAt == null, cancellationToken);

    /// <summary>Marks one message (or, with no id, all) read; a message of another mailbox is not found.</summary>
    public async Task<Result<int>> MarkReadAsync(IReadOnlyList<string> mailboxes, Guid? id, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var marked = await db.Messages.Where(m => mailboxes.Contains(m.Mailbox) && m.ReadAt == null && (id == null || m.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), cancellationToken);
        if (id is { } one && marked == 0 && !await db.Messages.AnyAsync(m => m.Id == one && mailboxes.Contains(m.Mailbox), cancellationToken))
        {
            return new Refusal("notifications/message-not-found", "消息不存在", "没有这条消息。", RefusalKind.NotFound);
        }

        return marked;
    }
}
