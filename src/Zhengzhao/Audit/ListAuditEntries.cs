using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Audit;

/// <summary>The audit trail, newest first, filtered by actor, entity and Beijing date.</summary>
public sealed class ListAuditEntries(ZhengzhaoDbContext db) : IUseCase
{
    public const int PageSize = 50;

    public sealed record Query(string? Actor, string? Entity, DateOnly? From, DateOnly? To, int Page = 1);

    public sealed record Page(IReadOnlyList<AuditEntry> Entries, int Total, int Number, int Count);

    public async Task<Page> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            entries = entries.Where(e => e.Actor == query.Actor.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.Entity))
        {
            // "User" finds every user; "User/demo-approver" one of them.
            var parts = query.Entity.Trim().Split('/', 2);
            entries = entries.Where(e => e.EntityType == parts[0]);
            if (parts.Length == 2)
            {
                entries = entries.Where(e => e.EntityId == parts[1]);
            }
        }

        if (query.From is { } from)
        {
            var start = BeijingMidnightUtc(from);
            entries = entries.Where(e => e.Time >= start);
        }

        if (query.To is { } to)
        {
            var end = BeijingMidnightUtc(to).AddDays(1);
            entries = entries.Where(e => e.Time < end);
        }

        var total = await entries.CountAsync(cancellationToken);
        var count = Math.Max(1, (total + PageSize - 1) / PageSize);
        var number = Math.Clamp(query.Page, 1, count);
        var page = await entries.OrderByDescending(e => e.Sequence).Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new Page(page, total, number, count);
    }

    // A filter date far outside any entry (0001-01-01, 9999-12-31) is clamped rather than overflowing.
    private static DateTime BeijingMidnightUtc(DateOnly date)
    {
        var clamped = date < MinFilterDate ? MinFilterDate : date > MaxFilterDate ? MaxFilterDate : date;
        return new DateTimeOffset(clamped.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).UtcDateTime;
    }

    private static readonly DateOnly MinFilterDate = new(2000, 1, 1);
    private static readonly DateOnly MaxFilterDate = new(9000, 1, 1);
}
