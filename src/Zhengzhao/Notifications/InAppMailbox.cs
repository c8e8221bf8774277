using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Notifications;

/// <summary>
/// The in-app mailbox (站内消息) as its reader sees it: an officer's own messages and an applicant's company's; newest
/// first; read one, read all.
/// </summary>
public sealed class InAppMailbox(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
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

    /// <summary>Opens one message of the reader's: marks it read; another mailbox's is not found.</summary>
    public async Task<Result<Message>> ReadAsync(IReadOnlyList<string> mailboxes, Guid id, CancellationToken cancellationToken = default)
    {
        await MarkAsync(mailboxes, id, cancellationToken);
        return await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && mailboxes.Contains(m.Mailbox), cancellationToken) is { } message
            ? message
            : NotificationRefusals.MessageNotFound;
    }

    /// <summary>Marks every unread message of the reader's read; returns how many.</summary>
    public Task<int> ReadAllAsync(IReadOnlyList<string> mailboxes, CancellationToken cancellationToken = default) => MarkAsync(mailboxes, null, cancellationToken);

    private Task<int> MarkAsync(IReadOnlyList<string> mailboxes, Guid? id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Messages.Where(m => mailboxes.Contains(m.Mailbox) && m.ReadAt == null && (id == null || m.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), cancellationToken);
    }
}
