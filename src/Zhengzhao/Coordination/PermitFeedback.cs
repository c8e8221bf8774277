using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

/// <summary>A permit granted, as the push that announced its company and item is answered with it.</summary>
public sealed record GrantedPermit(string Uscc, string ItemCode, string DepartmentCode, string PermitNumber);

/// <summary>What Coordination lets the permit issue cause: the answer to a push, in the issuer's unit of work.</summary>
public static class PermitFeedback
{
    /// <summary>
    /// 双反馈 by itself: the open push that told the department of this company and item is answered "granted" with
    /// the permit number, so the registrar and the industry authority see the loop close without a second entry. Added
    /// to the caller's unit of work, with its audit entry, so it is saved (or rolled back) with the permit.
    /// </summary>
    public static async Task FeedBackPermitGrantedAsync(this ZhengzhaoDbContext db, GrantedPermit permit, Actor actor, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(permit);
        ArgumentNullException.ThrowIfNull(actor);
        var push = await db.Pushes.FirstOrDefaultAsync(p => p.Uscc == permit.Uscc && p.ItemCode == permit.ItemCode && p.DepartmentCode == permit.DepartmentCode && p.LoopClosedOn == null, cancellationToken);
        if (push is not null && push.Feedback(FeedbackOutcome.Granted, permit.PermitNumber, null, actor.UserName, ChinaTime.Today(time)).IsSuccess)
        {
            db.Record(actor, time, "coordination.feedback", nameof(Push), push.Id.ToString(), $"{push.Uscc} / {push.ItemCode}：反馈：已发证，证号 {permit.PermitNumber}（发证自动反馈）");
        }
    }
}
