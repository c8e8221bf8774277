namespace Zhengzhao.Audit;

/// <summary>
/// Marks an entity that records a legal or business fact. <c>ZhengzhaoDbContext</c> refuses to save a change to one
/// unless the same save adds an audit entry, so a use case cannot forget <c>db.Record(...)</c>. Leases, outbox rows,
/// index postings, counters, sequences and caches do not carry it: their rows are bookkeeping, not facts.
/// </summary>
public interface IAudited;
