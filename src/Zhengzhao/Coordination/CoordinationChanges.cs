using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

/// <summary>
/// The one skeleton the coordination desk actions share (claim, return, feedback: load the department's push,
/// apply the answer, save with its audit entry), and how every answer in the loop is saved: audited in the same
/// transaction, and a lost race is a conflict, not an error.
/// </summary>
internal static class CoordinationChanges
{
    /// <summary>A department's answer to a push in its own inbox; another department's push is not found.</summary>
    public static async Task<Result<Push>> AnswerPushAsync(
        ZhengzhaoDbContext db, TimeProvider time, Guid pushId, string departmentCode, Actor actor, string action, Func<Push, DateOnly, Result<Push>> answer, Func<Push, string> summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var push = await db.Pushes.FirstOrDefaultAsync(p => p.Id == pushId && p.DepartmentCode == departmentCode, cancellationToken);
        if (push is null)
        {
            return CoordinationRefusals.PushNotInInbox;
        }

        var answered = answer(push, ChinaTime.Today(time));
        return answered.IsSuccess
            ? await SaveAsync(db, time, push, actor, action, nameof(Push), push.Id.ToString(), $"{push.Uscc} / {push.ItemCode}：{summary(push)}", cancellationToken)
            : answered;
    }

    public static async Task<Result<T>> SaveAsync<T>(ZhengzhaoDbContext db, TimeProvider time, T entity, Actor actor, string action, string entityType, string id, string summary, CancellationToken cancellationToken)
    {
        db.Record(actor, time, action, entityType, id, summary);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            // A concurrency token moved or a unique row appeared: someone answered first (or the click was doubled).
            // Any other failure is not a lost race and is not reported as one.
            db.ChangeTracker.Clear();
            return CoordinationRefusals.ChangedMeanwhile;
        }

        return entity;
    }
}
