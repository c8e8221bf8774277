using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

/// <summary>回退: a department gives a push back to the registrar, with the reason it is not its own.</summary>
public sealed class ReturnPush(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public Task<Result<Push>> HandleAsync(Guid pushId, string departmentCode, ReturnReason reason, string? remark, Actor actor, CancellationToken cancellationToken = default) =>
        CoordinationChanges.AnswerPushAsync(
            db, time, pushId, departmentCode, actor, "coordination.returned", (push, on) => push.Return(reason, remark, actor.UserName, on),
            push => $"待认领 → 已回退（{PushRules.Name(reason)}{(push.ReturnRemark is null ? string.Empty : "：" + push.ReturnRemark)}）", cancellationToken);
}
