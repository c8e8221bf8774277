using Microsoft.EntityFrameworkCore;
using Zhengzhao.Persistence;

namespace Zhengzhao.Audit;

/// <summary>
/// What the audit trail lets other modules read: who did what to which record, when, in what words; never the hashes
/// or keys of the chain. A projection, so a caller's filter on the entity or action composes with it into one SQL
/// statement.
/// </summary>
public sealed record AuditedStep
{
    public required long Sequence { get; init; }

    public required DateTime Time { get; init; }

    public required string Actor { get; init; }

    public required string Action { get; init; }

    public required string EntityType { get; init; }

    public required string EntityId { get; init; }

    public required string Summary { get; init; }
}

/// <summary>What the audit trail lets other modules read.</summary>
public static class PublishedAuditTrail
{
    /// <summary>The trail as others read it, built with an object initializer so that EF translates what a caller adds after it.</summary>
    public static IQueryable<AuditedStep> AuditTrail(this ZhengzhaoDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.AuditEntries.AsNoTracking().Select(e => new AuditedStep
        {
            Sequence = e.Sequence,
            Time = e.Time,
            Actor = e.Actor,
            Action = e.Action,
            EntityType = e.EntityType,
            EntityId = e.EntityId,
            Summary = e.Summary,
        });
    }
}
