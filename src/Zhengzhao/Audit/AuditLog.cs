using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Audit;

public static class AuditLog
{
    /// <summary>
    /// Adds the audit entry for a change to the same unit of work as the change itself,
    /// so that the two are saved, or lost, together.
    /// </summary>
    public static void Record(this ZhengzhaoDbContext db, Actor actor, TimeProvider time, string action, string entityType, string entityId, string summary)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(time);
        db.AuditEntries.Add(AuditEntry.Record(actor.UserName, action, entityType, entityId, summary, time.GetUtcNow().UtcDateTime));
    }
}
