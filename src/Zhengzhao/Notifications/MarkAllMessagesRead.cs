using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Notifications;

/// <summary>Marks every unread message of the reader's read, in one statement; returns how many.</summary>
public sealed class MarkAllMessagesRead(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public Task<int> HandleAsync(IReadOnlyList<string> mailboxes, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Messages.Where(m => mailboxes.Contains(m.Mailbox) && m.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), cancellationToken);
    }
}
