using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Credit;

/// <summary>The penalties a department has entered, newest decision first, with the company's name.</summary>
public sealed class ListPenalties(ZhengzhaoDbContext db) : IUseCase
{
    public const int PageSize = 100;

    public sealed record Line(Penalty Penalty, string CompanyName);

    public async Task<IReadOnlyList<Line>> HandleAsync(string departmentCode, CancellationToken cancellationToken = default) =>
        await db.Penalties.AsNoTracking()
            .Where(p => p.DepartmentCode == departmentCode)
            .OrderByDescending(p => p.DecidedOn).ThenByDescending(p => p.Id)
            .Take(PageSize)
            .Join(db.RegisteredEnterprises(), p => p.Uscc, e => e.Uscc, (p, e) => new Line(p, e.Name))
            .ToListAsync(cancellationToken);
}
