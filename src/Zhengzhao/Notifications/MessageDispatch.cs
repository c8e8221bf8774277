using Zhengzhao.Common;

namespace Zhengzhao.Notifications;

public enum NotificationChannel
{
    Sms,
    Email,
}

/// <summary>
/// One in-app message's sending beyond the platform on one channel (短信、电子邮件), a row of the outbox: written in the
/// transaction of the message, so a message exists exactly when its sending is queued, and sent later by whichever
/// adapter handles the channel.
/// </summary>
public sealed class MessageDispatch
{
    public const int MaxErrorLength = 300;

    private MessageDispatch()
    {
        Mailbox = Subject = Body = string.Empty;
    }

    public MessageDispatch(Message message, NotificationChannel channel)
        : this()
    {
        ArgumentNullException.ThrowIfNull(message);
        MessageId = message.Id;
        Channel = channel;
        Mailbox = message.Mailbox;
        Subject = message.Subject;
        Body = message.Body;
        CreatedAt = NextAttemptAt = message.CreatedAt;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    public Guid MessageId { get; private set; }

    public NotificationChannel Channel { get; private set; }

    /// <summary>Whose: the adapter looks up the addresses (phone, e-mail) when it sends, so a changed address is used.</summary>
    public string Mailbox { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? SentAt { get; private set; }

    /// <summary>Given up: after the last attempt, or when the mailbox has no address on the channel.</summary>
    public DateTime? AbandonedAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTime? LeasedUntil { get; private set; }

    public string? LeasedBy { get; private set; }

    public void Sent(DateTime at)
    {
        Attempts++;
        SentAt = at;
        LastError = null;
        LeasedUntil = null;
    }

    /// <summary>A failed attempt: tried again after 1, 2, 4 … minutes, given up after <paramref name="maxAttempts"/>.</summary>
    public void Failed(string error, DateTime at, int maxAttempts, bool retry = true)
    {
        Attempts++;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        LeasedUntil = null;
        if (!retry || Attempts >= maxAttempts)
        {
            AbandonedAt = at;
            return;
        }

        NextAttemptAt = at.AddMinutes(Math.Min(60, 1 << (Attempts - 1)));
    }
}
