using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Notifications;

/// <summary>How many of the reader's messages are unread: the count every page's header shows.</summary>
public sealed class CountUnreadMessages(ZhengzhaoDbContext db) : IUseCase
{
    public Task<int> HandleAsync(IReadOnlyList<string> mailboxes, CancellationToken cancellationToken = default) =>
        db.Messages.CountAsync(m => mailboxes.Contains(m.Mailbox) && m.ReadAt == null, cancellationToken);
}
