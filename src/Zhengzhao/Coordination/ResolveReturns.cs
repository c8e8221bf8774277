using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Coordination.Webhooks;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

/// <summary>
/// The registrar's side of a return (回退): each returned push is re-dispatched (改派) to the department it belongs
/// to, which gets a new push in its inbox, or closed with the reason when no department is concerned.
/// </summary>
public sealed class ResolveReturns(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public async Task<IReadOnlyList<PushViews.Row>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await PushViews.WithNamesAsync(db, db.Pushes.Where(p => p.State == PushState.Returned), cancellationToken)).OrderBy(r => r.Push.AnsweredOn)];

    public async Task<Result<Push>> RedispatchAsync(Guid pushId, string? departmentCode, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var push = await db.Pushes.FirstOrDefaultAsync(p => p.Id == pushId, cancellationToken);
        if (push is null)
        {
            return NotFound();
        }

        var department = departmentCode?.Trim() ?? string.Empty;
        if (department.Length is 0 or > TextLimits.DepartmentCode || !await db.Departments.AnyAsync(d => d.Code == department && d.IsActive, cancellationToken))
        {
            // A code longer than any department's is not echoed back: it is not a code.
            var detail = department.Length <= TextLimits.DepartmentCode ? $"部门代码“{department}”不存在或已停用，请选择改派的部门。" : $"部门代码不超过{TextLimits.DepartmentCode}个字符，请选择改派的部门。";
            return new Refusal("coordination/unknown-department", "部门不存在", detail) { Errors = new Dictionary<string, string[]> { ["department"] = [detail] } };
        }

        if (await db.Pushes.AnyAsync(p => p.Id != push.Id && p.Uscc == push.Uscc && p.ItemCode == push.ItemCode && p.DepartmentCode == department, cancellationToken))
        {
            return new Refusal("coordination/already-pushed", "已推送过该部门", $"该企业的这一事项已推送过 {department}，不能重复推送。", RefusalKind.Conflict);
        }

        var redispatched = push.Redispatch(department, actor.UserName, ChinaTime.Today(time));
        if (!redispatched.IsSuccess)
        {
            return redispatched;
        }

        var next = redispatched.Value!;
        db.Pushes.Add(next);
        db.PushCopies.AddRange(await ConcernedDepartments.CopiesAsync(db, [next], cancellationToken));

        // The new department learns of the company as it would have at registration, its own system included.
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Uscc == push.Uscc, cancellationToken);
        var items = await PushViews.ItemsAsync(db, [push.ItemCode], cancellationToken);
        await Outbox.EnqueueAsync(db, department, PushCreated.EventType, PushCreated.Of(next, enterprise, items.GetValueOrDefault(push.ItemCode)?.Name ?? push.ItemCode), time, cancellationToken);

        return await CoordinationChanges.SaveAsync(db, time, next, actor, "coordination.redispatched", nameof(Push), push.Id.ToString(), $"{push.Uscc} / {push.ItemCode}：{push.DepartmentCode} 回退 → 改派 {department}", cancellationToken);
    }

    public async Task<Result<Push>> CloseAsync(Guid pushId, string? remark, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var push = await db.Pushes.FirstOrDefaultAsync(p => p.Id == pushId, cancellationToken);
        if (push is null)
        {
            return NotFound();
        }

        var closed = push.Close(remark, actor.UserName, ChinaTime.Today(time));
        return closed.IsSuccess
            ? await CoordinationChanges.SaveAsync(db, time, push, actor, "coordination.closed", nameof(Push), push.Id.ToString(), $"{push.Uscc} / {push.ItemCode}：回退办结（{push.OutcomeNote}）", cancellationToken)
            : closed;
    }

    private static Refusal NotFound() => new("coordination/push-not-found", "推送不存在", "没有这条推送。", RefusalKind.NotFound);
}
