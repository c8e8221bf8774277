using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

/// <summary>认领: a department takes on a push in its inbox.</summary>
public sealed class ClaimPush(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public Task<Result<Push>> HandleAsync(Guid pushId, string departmentCode, Actor actor, CancellationToken cancellationToken = default) =>
        CoordinationChanges.AnswerPushAsync(db, time, pushId, departmentCode, actor, "coordination.claimed", (push, on) => push.Claim(actor.UserName, on), _ => "待认领 → 已认领", cancellationToken);
}
