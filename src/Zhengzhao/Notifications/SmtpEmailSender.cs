using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Zhengzhao.Notifications;

/// <summary>The e-mail adapter: sends through the configured SMTP server, or drops .eml files in a pickup folder.</summary>
public sealed class SmtpEmailSender(IOptions<NotificationOptions> options) : INotificationSender
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public async Task<string?> SendAsync(MessageDispatch notification, IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(addresses);
        var smtp = options.Value.Smtp;
        using var client = smtp.PickupDirectory is { Length: > 0 } folder
            ? new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = Directory.CreateDirectory(folder).FullName }
            : new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl, Credentials = smtp.UserName is null ? null : new NetworkCredential(smtp.UserName, smtp.Password) };
        using var mail = new MailMessage
        {
            From = new MailAddress(smtp.From, "证照分离改革服务平台"),
            Subject = notification.Subject,
            Body = notification.Body,
            SubjectEncoding = System.Text.Encoding.UTF8,
            BodyEncoding = System.Text.Encoding.UTF8,
        };
        try
        {
            foreach (var address in addresses)
            {
                mail.To.Add(address);
            }

            await client.SendMailAsync(mail, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is SmtpException or FormatException or InvalidOperationException or IOException)
        {
            return $"邮件未发出：{e.Message}";
        }
    }
}
