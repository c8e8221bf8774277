using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

/// <summary>How every answer in the coordination loop is saved: audited in the same transaction, and a lost race is a conflict, not an error.</summary>
internal static class CoordinationChanges
{
    public static async Task<Result<T>> SaveAsync<T>(ZhengzhaoDbContext db, TimeProvider time, T entity, Actor actor, string action, string entityType, string id, string summary, CancellationToken cancellationToken)
    {
        db.Record(actor, time, action, entityType, id, summary);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrency token moved or a unique row appeared: someone answered first (or the click was doubled).
            db.ChangeTracker.Clear();
            return new Refusal("coordination/wrong-state", "状态已变化", "这条记录刚刚已被处理（可能是重复提交），请刷新后查看。", RefusalKind.Conflict);
        }

        return entity;
    }
}
