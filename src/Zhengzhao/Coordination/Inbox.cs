using Microsoft.EntityFrameworkCore;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

/// <summary>
/// A department's inbox of pushes (推送认领) and its answers: claim, return, and feedback on the outcome (双反馈).
/// A department sees and answers only its own.
/// </summary>
public sealed class Inbox(ZhengzhaoDbContext db, CalendarCache calendars, TimeProvider time) : IUseCase
{
    public sealed record Line(Push Push, string CompanyName, string ItemName, TrafficLight Light, int WorkdaysWaiting);

    public async Task<IReadOnlyList<Line>> ListAsync(string departmentCode, CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(time);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var rows = await PushViews.WithNamesAsync(db, db.Pushes.Where(p => p.DepartmentCode == departmentCode), cancellationToken);
        return rows
            .Select(r => new Line(r.Push, r.CompanyName, r.Item.Name, r.Push.TimelinessOn(calendar, today), calendar.WorkdaysBetween(r.Push.PushedOn, r.Push.AnsweredOn ?? today, r.Push.RegionCode)))
            .OrderBy(l => l.Push.State != PushState.Pending).ThenBy(l => !l.Push.IsLoopOpen).ThenByDescending(l => l.Light).ThenBy(l => l.Push.PushedOn)
            .ToList();
    }

    public Task<Result<Push>> ClaimAsync(Guid pushId, string departmentCode, Actor actor, CancellationToken cancellationToken = default) =>
        AnswerAsync(pushId, departmentCode, actor, "coordination.claimed", (push, on) => push.Claim(actor.UserName, on), _ => "待认领 → 已认领", cancellationToken);

    public Task<Result<Push>> ReturnAsync(Guid pushId, string departmentCode, ReturnReason reason, string? remark, Actor actor, CancellationToken cancellationToken = default) =>
        AnswerAsync(pushId, departmentCode, actor, "coordination.returned", (push, on) => push.Return(reason, remark, actor.UserName, on), push => $"待认领 → 已回退（{PushRules.Name(reason)}{(push.ReturnRemark is null ? string.Empty : "：" + push.ReturnRemark)}）", cancellationToken);

    public Task<Result<Push>> FeedbackAsync(Guid pushId, string departmentCode, FeedbackOutcome outcome, string? permitNumber, string? remark, Actor actor, CancellationToken cancellationToken = default) =>
        AnswerAsync(pushId, departmentCode, actor, "coordination.feedback", (push, on) => push.Feedback(outcome, permitNumber, remark, actor.UserName, on), push => $"反馈：{PushRules.Name(outcome)}{(push.PermitNumber is null ? string.Empty : "，证号 " + push.PermitNumber)}{(push.OutcomeNote is null ? string.Empty : "，" + push.OutcomeNote)}", cancellationToken);

    private async Task<Result<Push>> AnswerAsync(Guid pushId, string departmentCode, Actor actor, string action, Func<Push, DateOnly, Result<Push>> answer, Func<Push, string> summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var push = await db.Pushes.FirstOrDefaultAsync(p => p.Id == pushId && p.DepartmentCode == departmentCode, cancellationToken);
        if (push is null)
        {
            return new Refusal("coordination/push-not-found", "推送不存在", "本部门收件箱中没有这条推送。", RefusalKind.NotFound);
        }

        var answered = answer(push, ChinaTime.Today(time));
        return answered.IsSuccess
            ? await CoordinationChanges.SaveAsync(db, time, push, actor, action, nameof(Push), push.Id.ToString(), $"{push.Uscc} / {push.ItemCode}：{summary(push)}", cancellationToken)
            : answered;
    }
}
