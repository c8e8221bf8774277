using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination.Webhooks;

/// <summary>
/// The transactional outbox: an event for a department's webhook is added to the caller's unit of work, so it is
/// saved with the change it announces or not at all. The dispatcher sends it afterwards.
/// </summary>
public static class Outbox
{
    /// <summary>camelCase, Chinese as characters: the body a department's developer reads in their logs.</summary>
    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>
    /// Adds the event for the department when it has an active endpoint; does nothing otherwise. The caller saves.
    /// The body is the envelope <c>{ id, event, department, createdAt, data }</c> with <paramref name="payload"/> as data.
    /// </summary>
    public static async Task<OutboundMessage?> EnqueueAsync(ZhengzhaoDbContext db, string departmentCode, string eventType, object payload, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        if (!await db.WebhookEndpoints.AnyAsync(e => e.DepartmentCode == departmentCode && e.IsActive, cancellationToken))
        {
            return null;
        }

        var id = SequentialGuid.Next();
        var now = time.GetUtcNow().UtcDateTime;
        var body = JsonSerializer.Serialize(new { id, @event = eventType, department = departmentCode, createdAt = now, data = payload }, BodyJson);
        var message = new OutboundMessage(id, departmentCode, eventType, body, now);
        db.OutboundMessages.Add(message);
        return message;
    }
}
