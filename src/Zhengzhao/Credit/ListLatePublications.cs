using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Credit;

/// <summary>
/// 逾期公示: entries a department published after their 20-working-day limit, in a period of publication, for the
/// department itself or (null) for every department, as the oversight office counts them.
/// </summary>
public sealed class ListLatePublications(ZhengzhaoDbContext db) : IUseCase
{
    public sealed record Department(string Code, string Name, int Late, IReadOnlyList<CreditEntry> Entries);

    public async Task<Result<IReadOnlyList<Department>>> HandleAsync(string? departmentCode, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (from > to)
        {
            return new Refusal("credit/invalid-period", "期间有误", $"开始日期 {from:yyyy-MM-dd} 晚于结束日期 {to:yyyy-MM-dd}。") { Errors = new Dictionary<string, string[]> { ["from"] = ["开始日期不能晚于结束日期。"] } };
        }

        var entries = (await db.CreditEntries.AsNoTracking()
                .Where(e => e.DepartmentCode != null && (departmentCode == null || e.DepartmentCode == departmentCode) && e.PublishedOn >= from && e.PublishedOn <= to)
                .Where(e => e.PublishedOn > e.PublishDueOn)
                .OrderBy(e => e.PublishedOn)
                .ToListAsync(cancellationToken))
            .GroupBy(e => e.DepartmentCode!)
            .ToList();
        var codes = entries.Select(g => g.Key).ToList();
        var names = await db.Departments.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        List<Department> departments = [.. entries.Select(g => new Department(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Count(), [.. g])).OrderByDescending(d => d.Late)];
        return departments;
    }
}
