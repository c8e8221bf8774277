using Microsoft.Extensions.Options;
using Zhengzhao.Persistence;

namespace Zhengzhao.Notifications;

/// <summary>
/// Tells a mailbox something: the in-app message and its outbox rows are added to the caller's unit of work, so
/// they are saved with the change they report or not at all.
/// </summary>
public sealed class Notifier(ZhengzhaoDbContext db, IOptions<NotificationOptions> options, TimeProvider time)
{
    public Message Tell(string mailbox, string subject, string body, string? link = null)
    {
        var message = new Message(mailbox, subject, body, link, time.GetUtcNow().UtcDateTime);
        db.Messages.Add(message);
        foreach (var channel in options.Value.Channels.Distinct())
        {
            db.MessageDispatches.Add(new MessageDispatch(message, channel));
        }

        return message;
    }
}
