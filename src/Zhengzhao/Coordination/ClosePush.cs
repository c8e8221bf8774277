using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

/// <summary>The registrar agrees with a return: no department is concerned, and the loop closes with the reason (办结).</summary>
public sealed class ClosePush(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public async Task<Result<Push>> HandleAsync(Guid pushId, string? remark, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var push = await db.Pushes.FirstOrDefaultAsync(p => p.Id == pushId, cancellationToken);
        if (push is null)
        {
            return CoordinationRefusals.PushNotFound;
        }

        var closed = push.Close(remark, actor.UserName, ChinaTime.Today(time));
        return closed.IsSuccess
            ? await CoordinationChanges.SaveAsync(db, time, push, actor, "coordination.closed", nameof(Push), push.Id.ToString(), $"{push.Uscc} / {push.ItemCode}：回退办结（{push.OutcomeNote}）", cancellationToken)
            : closed;
    }
}
