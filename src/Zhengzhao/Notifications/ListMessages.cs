using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Notifications;

/// <summary>
/// The in-app mailbox (站内消息) as its reader sees it: an officer's own messages and an applicant's company's, newest
/// first, with how many are unread.
/// </summary>
public sealed class ListMessages(ZhengzhaoDbContext db, CountUnreadMessages unread) : IUseCase
{
    public const int PageSize = 50;

    public sealed record Page(IReadOnlyList<Message> Messages, int Unread);

    /// <param name="mailboxes">The reader's mailboxes (<see cref="Mailboxes.Of"/>).</param>
    public async Task<Page> HandleAsync(IReadOnlyList<string> mailboxes, CancellationToken cancellationToken = default)
    {
        var messages = await db.Messages.AsNoTracking().Where(m => mailboxes.Contains(m.Mailbox)).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(PageSize).ToListAsync(cancellationToken);
        return new Page(messages, await unread.HandleAsync(mailboxes, cancellationToken));
    }
}
