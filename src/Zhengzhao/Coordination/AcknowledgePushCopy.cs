using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

/// <summary>接收: a concerned department takes note of a copy (抄告) sent to it.</summary>
public sealed class AcknowledgePushCopy(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public async Task<Result<PushCopy>> HandleAsync(Guid copyId, string departmentCode, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var copy = await db.PushCopies.FirstOrDefaultAsync(c => c.Id == copyId && c.DepartmentCode == departmentCode, cancellationToken);
        if (copy is null)
        {
            return CoordinationRefusals.CopyNotFound;
        }

        var acknowledged = copy.Acknowledge(actor.UserName, ChinaTime.Today(time));
        return acknowledged.IsSuccess
            ? await CoordinationChanges.SaveAsync(db, time, copy, actor, "coordination.acknowledged", nameof(PushCopy), copy.Id.ToString(), $"{copy.Uscc} / {copy.ItemCode}：抄告已接收", cancellationToken)
            : acknowledged;
    }
}
