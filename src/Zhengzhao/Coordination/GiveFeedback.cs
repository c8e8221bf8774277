using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

/// <summary>双反馈: a department reports what came of a push (applying, granted with the permit number, refused…).</summary>
public sealed class GiveFeedback(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public Task<Result<Push>> HandleAsync(Guid pushId, string departmentCode, FeedbackOutcome outcome, string? permitNumber, string? remark, Actor actor, CancellationToken cancellationToken = default) =>
        CoordinationChanges.AnswerPushAsync(
            db, time, pushId, departmentCode, actor, "coordination.feedback", (push, on) => push.Feedback(outcome, permitNumber, remark, actor.UserName, on),
            push => $"反馈：{PushRules.Name(outcome)}{(push.PermitNumber is null ? string.Empty : "，证号 " + push.PermitNumber)}{(push.OutcomeNote is null ? string.Empty : "，" + push.OutcomeNote)}", cancellationToken);
}
