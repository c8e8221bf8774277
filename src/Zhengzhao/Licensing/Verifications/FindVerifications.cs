using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing.Verifications;

/// <summary>The department's verification queue: open ones by due date (overdue first), then the latest concluded.</summary>
public sealed class FindVerifications(ZhengzhaoDbContext db) : IUseCase
{
    public const int PageSize = 200;

    public sealed record Worklist(IReadOnlyList<Verification> Open, IReadOnlyList<Verification> Concluded);

    public async Task<Worklist> ForDepartmentAsync(string departmentCode, CancellationToken cancellationToken = default)
    {
        var open = await db.Verifications.AsNoTracking().Where(v => v.DepartmentCode == departmentCode && v.CheckedOn == null).OrderBy(v => v.DueOn).ThenBy(v => v.Id).Take(PageSize).ToListAsync(cancellationToken);
        var concluded = await db.Verifications.AsNoTracking().Where(v => v.DepartmentCode == departmentCode && v.CheckedOn != null).OrderByDescending(v => v.CheckedOn).ThenByDescending(v => v.Id).Take(50).ToListAsync(cancellationToken);
        return new Worklist(open, concluded);
    }

    public async Task<Result<Verification>> GetAsync(Guid id, string departmentCode, CancellationToken cancellationToken = default) =>
        await db.Verifications.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id && v.DepartmentCode == departmentCode, cancellationToken) is { } found
            ? found
            : new Refusal("licensing/verification-not-found", "核查任务不存在", "本部门没有这项核查任务。", RefusalKind.NotFound);
}
