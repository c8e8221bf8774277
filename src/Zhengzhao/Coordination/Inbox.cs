using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Coordination;

/// <summary>A department's inbox of pushes (推送认领), and its answers: claim or return. A department sees and answers only its own.</summary>
public sealed class Inbox(ZhengzhaoDbContext db, CalendarCache calendars, TimeProvider time) : IUseCase
{
    public sealed record Line(Push Push, string CompanyName, string ItemName, Timeliness Light, int WorkdaysWaiting);

    public async Task<IReadOnlyList<Line>> ListAsync(string departmentCode, CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(time);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var rows = await (from p in db.Pushes.AsNoTracking()
                          join e in db.Enterprises on p.Uscc equals e.Uscc
                          join v in db.ItemVersions.Where(v => !v.IsDraft) on p.ItemCode equals v.ItemCode
                          where p.DepartmentCode == departmentCode
                          select new { Push = p, e.Name, ItemName = v.Name, v.Number }).ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => r.Push.Id)
            .Select(g => g.MaxBy(r => r.Number)!)
            .Select(r => new Line(r.Push, r.Name, r.ItemName, r.Push.TimelinessOn(calendar, today), calendar.WorkdaysBetween(r.Push.PushedOn, r.Push.AnsweredOn ?? today, r.Push.RegionCode)))
            .OrderBy(l => l.Push.State != PushState.Pending).ThenByDescending(l => l.Light).ThenBy(l => l.Push.PushedOn)
            .ToList();
    }

    public async Task<Result<Push>> ClaimAsync(Guid pushId, string departmentCode, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var push = await FindOwnAsync(pushId, departmentCode, cancellationToken);
        if (push is null)
        {
            return NotFound();
        }

        var claimed = push.Claim(actor.UserName, ChinaTime.Today(time));
        return claimed.IsSuccess ? await SaveAsync(push, actor, "coordination.claimed", "待认领 → 已认领", cancellationToken) : claimed;
    }

    public async Task<Result<Push>> ReturnAsync(Guid pushId, string departmentCode, ReturnReason reason, string? remark, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var push = await FindOwnAsync(pushId, departmentCode, cancellationToken);
        if (push is null)
        {
            return NotFound();
        }

        var returned = push.Return(reason, remark, actor.UserName, ChinaTime.Today(time));
        return returned.IsSuccess ? await SaveAsync(push, actor, "coordination.returned", $"待认领 → 已回退（{PushRules.Name(reason)}{(push.ReturnRemark is null ? string.Empty : "：" + push.ReturnRemark)}）", cancellationToken) : returned;
    }

    private Task<Push?> FindOwnAsync(Guid pushId, string departmentCode, CancellationToken cancellationToken) =>
        db.Pushes.FirstOrDefaultAsync(p => p.Id == pushId && p.DepartmentCode == departmentCode, cancellationToken);

    private async Task<Result<Push>> SaveAsync(Push push, Actor actor, string action, string summary, CancellationToken cancellationToken)
    {
        db.Record(actor, time, action, nameof(Push), push.Id.ToString(), $"{push.Uscc} / {push.ItemCode}：{summary}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new Refusal("coordination/not-pending", "状态已变化", "这条推送刚刚已被处理（可能是重复提交），请刷新后查看。", RefusalKind.Conflict);
        }

        return push;
    }

    private static Refusal NotFound() =>
        new("coordination/push-not-found", "推送不存在", "本部门收件箱中没有这条推送。", RefusalKind.NotFound);
}
