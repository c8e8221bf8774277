using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Credit;

/// <summary>Credit repair applications, waiting ones first, each group newest first: a department sees those it decides, a company its own.</summary>
public sealed class FindRepairs(ZhengzhaoDbContext db) : IUseCase
{
    public const int PageSize = 200;

    /// <summary>Exactly one of the two: the department that decides, or the company that applied.</summary>
    public sealed record Reader(string? DepartmentCode, string? Uscc);

    public async Task<IReadOnlyList<CreditRepair>> HandleAsync(Reader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var repairs = db.CreditRepairs.AsNoTracking().Where(r => reader.Uscc != null ? r.Uscc == reader.Uscc : r.DepartmentCode == reader.DepartmentCode);
        return await repairs.OrderBy(r => r.State == RepairState.Applied ? 0 : 1).ThenByDescending(r => r.AppliedOn).ThenByDescending(r => r.Id).Take(PageSize).ToListAsync(cancellationToken);
    }
}
