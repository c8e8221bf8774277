using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination.Webhooks;

/// <summary>
/// The dead-letter view: messages that failed and are still retried, or gave up, for one department (its admin) or
/// for all (<c>null</c>, the administrator); and 重新发送, one or all of the dead.
/// </summary>
public sealed class WebhookDeliveries(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public const int MaxListed = 500;

    public async Task<IReadOnlyList<OutboundMessage>> ListTroubledAsync(string? departmentCode, CancellationToken cancellationToken = default) =>
        await Troubled(departmentCode).AsNoTracking()
            .OrderBy(m => m.DeadAt == null).ThenByDescending(m => m.CreatedAt)
            .Take(MaxListed)
            .ToListAsync(cancellationToken);

    public async Task<Result<OutboundMessage>> ResendAsync(Guid id, string? departmentCode, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var message = await Scoped(departmentCode).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return CoordinationRefusals.WebhookMessageNotFound;
        }

        var resent = message.Resend(time.GetUtcNow().UtcDateTime);
        if (!resent.IsSuccess)
        {
            return resent;
        }

        db.Record(actor, time, "coordination.webhook-resent", nameof(OutboundMessage), message.Id.ToString(), $"{message.EventType} → {message.DepartmentCode}：死信重新发送");
        await db.SaveChangesAsync(cancellationToken);
        return message;
    }

    /// <summary>Every dead message in scope back to the queue; returns how many.</summary>
    public async Task<int> ResendDeadAsync(string? departmentCode, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var dead = await Scoped(departmentCode).Where(m => m.DeadAt != null).ToListAsync(cancellationToken);
        if (dead.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var message in dead)
        {
            message.Resend(now);
        }

        db.Record(actor, time, "coordination.webhook-resent", nameof(OutboundMessage), departmentCode ?? "*", $"死信全部重新发送：{dead.Count} 条（{string.Join("、", dead.Select(m => m.DepartmentCode).Distinct())}）");
        await db.SaveChangesAsync(cancellationToken);
        return dead.Count;
    }

    private IQueryable<OutboundMessage> Scoped(string? departmentCode) =>
        departmentCode is null ? db.OutboundMessages : db.OutboundMessages.Where(m => m.DepartmentCode == departmentCode);

    private IQueryable<OutboundMessage> Troubled(string? departmentCode) =>
        Scoped(departmentCode).Where(m => m.DeliveredAt == null && (m.DeadAt != null || m.Attempts > 0));
}
