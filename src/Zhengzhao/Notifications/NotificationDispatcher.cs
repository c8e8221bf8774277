using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;

namespace Zhengzhao.Notifications;

/// <summary>An adapter that sends on one channel: e-mail ships; an SMS gateway's adapter plugs in the same way.</summary>
public interface INotificationSender
{
    NotificationChannel Channel { get; }

    /// <summary>Sends to the addresses; an error text when it did not go.</summary>
    Task<string?> SendAsync(MessageDispatch notification, IReadOnlyList<string> addresses, CancellationToken cancellationToken);
}

/// <summary>
/// One pass over the notification outbox: each due row is claimed with a conditional update, so of several
/// instances only one sends it; rows of a channel with no adapter stay queued for the day one is installed.
/// </summary>
public sealed class NotificationDispatcher(ZhengzhaoDbContext db, IEnumerable<INotificationSender> senders, IOptions<NotificationOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private readonly string _claimant = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var adapters = senders.ToDictionary(s => s.Channel);
        if (adapters.Count == 0)
        {
            return 0;
        }

        var channels = adapters.Keys.ToList();
        var due = await Due(time.GetUtcNow().UtcDateTime, channels).OrderBy(n => n.NextAttemptAt).Select(n => n.Id).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in due)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var until = now + Lease;
            if (await Due(now, channels).Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.LeasedUntil, until).SetProperty(n => n.LeasedBy, _claimant), cancellationToken) == 1)
            {
                await SendAsync(id, adapters, cancellationToken);
                sent++;
            }
        }

        return sent;
    }

    private IQueryable<MessageDispatch> Due(DateTime now, List<NotificationChannel> channels) =>
        db.MessageDispatches.Where(n => n.SentAt == null && n.AbandonedAt == null && n.NextAttemptAt <= now && channels.Contains(n.Channel) && (n.LeasedUntil == null || n.LeasedUntil < now));

    private async Task SendAsync(Guid id, Dictionary<NotificationChannel, INotificationSender> adapters, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var notification = await db.MessageDispatches.SingleAsync(n => n.Id == id, cancellationToken);
        var addresses = await AddressesAsync(notification, cancellationToken);
        var at = time.GetUtcNow().UtcDateTime;
        if (addresses.Count == 0)
        {
            notification.Failed(notification.Channel == NotificationChannel.Email ? "收件人没有登记电子邮箱。" : "收件人没有登记手机号码。", at, options.Value.MaxAttempts, retry: false);
        }
        else if (await adapters[notification.Channel].SendAsync(notification, addresses, cancellationToken) is { } error)
        {
            notification.Failed(error, at, options.Value.MaxAttempts);
        }
        else
        {
            notification.Sent(at);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The lease ran out and another instance took the row over: its outcome stands.
        }
    }

    /// <summary>An officer's own address; a company's, those of its applicant accounts.</summary>
    private async Task<List<string>> AddressesAsync(MessageDispatch notification, CancellationToken cancellationToken)
    {
        var mailbox = notification.Mailbox;
        var users = mailbox.StartsWith(Mailboxes.CompanyPrefix, StringComparison.Ordinal)
            ? db.PublishedAccounts().Where(u => u.EnterpriseUscc == mailbox.Substring(Mailboxes.CompanyPrefix.Length))
            : db.PublishedAccounts().Where(u => u.UserName == mailbox.Substring(Mailboxes.OfficerPrefix.Length));
        var addresses = notification.Channel == NotificationChannel.Email
            ? users.Select(u => u.Email)
            : users.Select(u => u.PhoneNumber);
        return [.. (await addresses.ToListAsync(cancellationToken)).OfType<string>().Where(a => a.Length > 0).Distinct()];
    }
}
