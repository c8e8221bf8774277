using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Notifications;

/// <summary>Opens one message of the reader's and marks it read; another mailbox's is not found.</summary>
public sealed class ReadMessage(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public async Task<Result<Message>> HandleAsync(IReadOnlyList<string> mailboxes, Guid id, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.Messages.Where(m => m.Id == id && mailboxes.Contains(m.Mailbox) && m.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), cancellationToken);
        return await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && mailboxes.Contains(m.Mailbox), cancellationToken) is { } message
            ? message
            : NotificationRefusals.MessageNotFound;
    }
}
