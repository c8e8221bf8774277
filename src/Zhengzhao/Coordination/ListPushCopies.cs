using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Coordination;

/// <summary>A concerned department's acknowledge-only copies (抄告), unacknowledged first; it never claims or returns them.</summary>
public sealed class ListPushCopies(ZhengzhaoDbContext db) : IUseCase
{
    public sealed record Line(PushCopy Copy, string CompanyName, string ItemName, string ApprovingDepartment, string LoopState);

    public async Task<IReadOnlyList<Line>> HandleAsync(string departmentCode, CancellationToken cancellationToken = default)
    {
        var rows = await (from c in db.PushCopies.AsNoTracking()
                          join p in db.Pushes on c.PushId equals p.Id
                          join e in db.RegisteredEnterprises() on c.Uscc equals e.Uscc
                          join d in db.Departments on p.DepartmentCode equals d.Code
                          where c.DepartmentCode == departmentCode
                          select new { Copy = c, Push = p, e.Name, Department = d.Name }).ToListAsync(cancellationToken);
        var items = await PushViews.ItemsAsync(db, rows.Select(r => r.Copy.ItemCode).Distinct().ToList(), cancellationToken);
        return rows
            .Select(r => new Line(r.Copy, r.Name, items.GetValueOrDefault(r.Copy.ItemCode)?.Name ?? r.Copy.ItemCode, r.Department, PushRules.Describe(r.Push)))
            .OrderBy(l => l.Copy.AcknowledgedOn is not null).ThenByDescending(l => l.Copy.SentOn)
            .ToList();
    }
}
