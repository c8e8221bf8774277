using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination.Webhooks;

/// <summary>
/// One pass over the outbox: claims each due message with a conditional update (only the instance whose update
/// took the row sends it), posts it signed, and records the outcome. Several instances may run passes at once.
/// </summary>
public sealed partial class WebhookDispatcher(
    ZhengzhaoDbContext db,
    IHttpClientFactory httpClients,
    IDataProtectionProvider protection,
    WebhookTargetGuard targets,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger)
{
    public const string HttpClientName = "Zhengzhao.Webhooks";

    /// <summary>Who holds a lease: this dispatcher, distinct from every other in this process and on other machines.</summary>
    private readonly string _claimant = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    /// <summary>Delivers what is due; returns how many messages this pass attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var due = await Due(now).OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(settings.BatchSize).ToListAsync(cancellationToken);
        var attempted = 0;
        foreach (var id in due)
        {
            var leaseFrom = time.GetUtcNow().UtcDateTime;
            var leaseUntil = leaseFrom + settings.Lease;
            var claimed = await Due(leaseFrom).Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeasedUntil, leaseUntil).SetProperty(m => m.LeasedBy, _claimant), cancellationToken);
            if (claimed == 1)
            {
                await DeliverAsync(id, settings, cancellationToken);
                attempted++;
            }
        }

        return attempted;
    }

    private IQueryable<OutboundMessage> Due(DateTime now) =>
        db.OutboundMessages.Where(m => m.DeliveredAt == null && m.DeadAt == null && m.NextAttemptAt <= now && (m.LeasedUntil == null || m.LeasedUntil < now));

    private async Task DeliverAsync(Guid id, WebhookOptions settings, CancellationToken cancellationToken)
    {
        // Each message is its own unit of work: the previous one's entity is not saved again.
        db.ChangeTracker.Clear();
        var message = await db.OutboundMessages.SingleAsync(m => m.Id == id, cancellationToken);
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.DepartmentCode == message.DepartmentCode, cancellationToken);
        var secret = endpoint is { IsActive: true } ? Unprotect(endpoint.SecretProtected) : null;
        var (status, error, refused) = endpoint is not { IsActive: true } ? (null, "本部门的接收地址已停用或未设置。", false)
            : secret is null ? (null, "密钥无法解密（数据保护密钥已更换或丢失），请部门管理员更换密钥。", false)
            : targets.SchemeRefusal(new Uri(endpoint.Url)) is { } scheme ? (null, scheme, true)
            : await PostAsync(message, new Uri(endpoint.Url), secret, cancellationToken);
        var at = time.GetUtcNow().UtcDateTime;
        if (error is null)
        {
            message.Delivered(status!.Value, at);
        }
        else
        {
            // A refused address stays refused: retrying would only repeat it, so the message goes to the dead letters
            // at once, to be resent once the address or the allowed networks are corrected.
            message.Failed(status, error, at, refused ? message.Attempts + 1 : settings.MaxAttempts, Random.Shared.NextDouble());
            LogFailed(logger, message.Id, message.DepartmentCode, message.Attempts, status, message.State == DeliveryState.Dead);
            if (message.State == DeliveryState.Dead)
            {
                db.Record(Actor.System, time, "coordination.webhook-dead", nameof(OutboundMessage), message.Id.ToString(), $"{message.EventType} → {message.DepartmentCode}：{message.Attempts} 次投递均失败，转入死信（{message.LastError}）");
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The lease ran out during the attempt and another instance took the message over: its outcome stands.
            LogLeaseLost(logger, message.Id);
        }
    }

    private string? Unprotect(string secretProtected)
    {
        try
        {
            return protection.CreateProtector(WebhookSecret.Purpose).Unprotect(secretProtected);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// Posts the message; an error text when it did not arrive (status, timeout, refused connection, redirect), and
    /// whether the platform itself refused the address it resolved to.
    /// </summary>
    private async Task<(int? Status, string? Error, bool Refused)> PostAsync(OutboundMessage message, Uri url, string secret, CancellationToken cancellationToken)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(message.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Zhengzhao-Delivery", message.Id.ToString());
        request.Headers.Add("X-Zhengzhao-Event", message.EventType);
        request.Headers.Add("X-Zhengzhao-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Zhengzhao-Signature", WebhookSecret.Sign(secret, timestamp, message.Payload));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Zhengzhao-Webhooks", "1"));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return (status, null, false);
            }

            var reason = status is >= 300 and < 400 ? "接收方要求重定向，平台不跟随重定向" : await StartOfAsync(response, cancellationToken);
            return (status, $"HTTP {status}：{reason}", false);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "接收方未在规定时间内应答（超时）。", false);
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookTargetRefusedException refused)
        {
            return (null, refused.Message, true);
        }
        catch (HttpRequestException e)
        {
            return (null, $"无法连接接收方：{e.HttpRequestError}", false);
        }
    }

    /// <summary>The first characters of the receiver's answer, enough to tell what went wrong and no more.</summary>
    private static async Task<string> StartOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[OutboundMessage.MaxErrorLength * 2];
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        var text = Encoding.UTF8.GetString(buffer, 0, read).ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? response.ReasonPhrase ?? "无说明" : text;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {MessageId} to {Department} failed (attempt {Attempts}, HTTP {Status}); dead: {Dead}")]
    private static partial void LogFailed(ILogger logger, Guid messageId, string department, int attempts, int? status, bool dead);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {MessageId}: lease taken over by another dispatcher; its outcome stands")]
    private static partial void LogLeaseLost(ILogger logger, Guid messageId);
}
