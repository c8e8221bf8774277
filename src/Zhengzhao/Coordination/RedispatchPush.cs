using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Coordination.Webhooks;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Coordination;

/// <summary>
/// 改派: the registrar sends a returned push to the department it belongs to, which gets a new push in its inbox
/// (and its own system the event), as it would have at registration.
/// </summary>
public sealed class RedispatchPush(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public async Task<Result<Push>> HandleAsync(Guid pushId, string? departmentCode, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var push = await db.Pushes.FirstOrDefaultAsync(p => p.Id == pushId, cancellationToken);
        if (push is null)
        {
            return CoordinationRefusals.PushNotFound;
        }

        var department = departmentCode?.Trim() ?? string.Empty;
        if (department.Length is 0 or > TextLimits.DepartmentCode || !await db.Departments.AnyAsync(d => d.Code == department && d.IsActive, cancellationToken))
        {
            // A code longer than any department's is not echoed back: it is not a code.
            return CoordinationRefusals.UnknownDepartment(department.Length <= TextLimits.DepartmentCode ? $"部门代码“{department}”不存在或已停用，请选择改派的部门。" : $"部门代码不超过{TextLimits.DepartmentCode}个字符，请选择改派的部门。");
        }

        if (await db.Pushes.AnyAsync(p => p.Id != push.Id && p.Uscc == push.Uscc && p.ItemCode == push.ItemCode && p.DepartmentCode == department, cancellationToken))
        {
            return CoordinationRefusals.AlreadyPushed(department);
        }

        var redispatched = push.Redispatch(department, actor.UserName, ChinaTime.Today(time));
        if (!redispatched.IsSuccess)
        {
            return redispatched;
        }

        var next = redispatched.Value;
        db.Pushes.Add(next);
        db.PushCopies.AddRange(await ConcernedDepartments.CopiesAsync(db, [next], cancellationToken));

        var companyName = await db.RegisteredEnterprises().Where(e => e.Uscc == push.Uscc).Select(e => e.Name).FirstAsync(cancellationToken);
        var items = await PushViews.ItemsAsync(db, [push.ItemCode], cancellationToken);
        await Outbox.EnqueueAsync(db, department, PushCreated.EventType, PushCreated.Of(next, companyName, items.GetValueOrDefault(push.ItemCode)?.Name ?? push.ItemCode), time, cancellationToken);

        return await CoordinationChanges.SaveAsync(db, time, next, actor, "coordination.redispatched", nameof(Push), push.Id.ToString(), $"{push.Uscc} / {push.ItemCode}：{push.DepartmentCode} 回退 → 改派 {department}", cancellationToken);
    }
}
