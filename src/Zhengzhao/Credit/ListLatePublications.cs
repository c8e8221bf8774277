using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Credit;

/// <summary>
/// 逾期公示: entries a department published after their 20-working-day limit, in a period of publication, for the
/// department itself or (null) for every department, as the oversight office counts them: each department's count,
/// and its latest <see cref="EntriesListed"/> entries.
/// </summary>
public sealed class ListLatePublications(ZhengzhaoDbContext db) : IUseCase
{
    /// <summary>How many of a department's late entries are listed; all are counted.</summary>
    public const int EntriesListed = 100;

    public sealed record Department(string Code, string Name, int Late, IReadOnlyList<CreditEntry> Entries);

    public async Task<Result<IReadOnlyList<Department>>> HandleAsync(string? departmentCode, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (from > to)
        {
            return CreditRefusals.InvalidPeriod(from, to);
        }

        var late = db.CreditEntries.AsNoTracking()
            .Where(e => e.DepartmentCode != null && (departmentCode == null || e.DepartmentCode == departmentCode) && e.PublishedOn >= from && e.PublishedOn <= to)
            .Where(e => e.PublishedOn > e.PublishDueOn);
        var counts = await late.GroupBy(e => e.DepartmentCode!).Select(g => new { Code = g.Key, Late = g.Count() }).ToListAsync(cancellationToken);
        var codes = counts.Select(c => c.Code).ToList();
        var names = await db.Departments.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        var departments = new List<Department>();
        foreach (var count in counts.OrderByDescending(c => c.Late).ThenBy(c => c.Code, StringComparer.Ordinal))
        {
            // Every late entry is counted; the latest are listed, oldest of them first.
            var latest = await late.Where(e => e.DepartmentCode == count.Code).OrderByDescending(e => e.PublishedOn).ThenByDescending(e => e.Id).Take(EntriesListed).ToListAsync(cancellationToken);
            latest.Reverse();
            departments.Add(new Department(count.Code, names.GetValueOrDefault(count.Code, count.Code), count.Late, latest));
        }

        return departments;
    }
}
