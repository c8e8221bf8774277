using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

/// <summary>A concerned department's acknowledge-only copies (抄告): it sees each and takes note (接收); it never claims or returns them.</summary>
public sealed class Copies(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public sealed record Line(PushCopy Copy, string CompanyName, string ItemName, string ApprovingDepartment, string LoopState);

    public async Task<IReadOnlyList<Line>> ListAsync(string departmentCode, CancellationToken cancellationToken = default)
    {
        var rows = await (from c in db.PushCopies.AsNoTracking()
                          join p in db.Pushes on c.PushId equals p.Id
                          join e in db.Enterprises on c.Uscc equals e.Uscc
                          join d in db.Departments on p.DepartmentCode equals d.Code
                          where c.DepartmentCode == departmentCode
                          select new { Copy = c, Push = p, e.Name, Department = d.Name }).ToListAsync(cancellationToken);
        var items = await PushViews.ItemsAsync(db, rows.Select(r => r.Copy.ItemCode).Distinct().ToList(), cancellationToken);
        return rows
            .Select(r => new Line(r.Copy, r.Name, items.GetValueOrDefault(r.Copy.ItemCode)?.Name ?? r.Copy.ItemCode, r.Department, PushRules.Describe(r.Push)))
            .OrderBy(l => l.Copy.AcknowledgedOn is not null).ThenByDescending(l => l.Copy.SentOn)
            .ToList();
    }

    public async Task<Result<PushCopy>> AcknowledgeAsync(Guid copyId, string departmentCode, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var copy = await db.PushCopies.FirstOrDefaultAsync(c => c.Id == copyId && c.DepartmentCode == departmentCode, cancellationToken);
        if (copy is null)
        {
            return new Refusal("coordination/copy-not-found", "抄告不存在", "本部门没有这条抄告。", RefusalKind.NotFound);
        }

        var acknowledged = copy.Acknowledge(actor.UserName, ChinaTime.Today(time));
        return acknowledged.IsSuccess
            ? await CoordinationChanges.SaveAsync(db, time, copy, actor, "coordination.acknowledged", nameof(PushCopy), copy.Id.ToString(), $"{copy.Uscc} / {copy.ItemCode}：抄告已接收", cancellationToken)
            : acknowledged;
    }
}
