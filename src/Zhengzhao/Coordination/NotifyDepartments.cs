using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Coordination.Webhooks;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Coordination;

/// <summary>
/// 双告知, the registrar's push: after a registration or a change of scope, one push per (company, item, approving
/// department) the scope calls for. Idempotent: pushes that exist are left alone, so a redelivered registration or
/// a repeated call adds nothing.
/// </summary>
public sealed class NotifyDepartments(ZhengzhaoDbContext db, ScopeCatalogue catalogue, TimeProvider time) : IUseCase
{
    public sealed record Command(string Uscc, string EventId, Actor Actor);

    public async Task<IReadOnlyList<Push>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Uscc == command.Uscc, cancellationToken);
        if (enterprise is null || enterprise.Status != EnterpriseStatus.Active)
        {
            return [];
        }

        var today = ChinaTime.Today(time);
        var snapshot = await catalogue.GetAsync(db, cancellationToken);
        var needs = AnalyseScope.Needs(snapshot, enterprise.BusinessScope, enterprise.Type, enterprise.RegionCode, today);
        var existing = (await db.Pushes.AsNoTracking().Where(p => p.Uscc == enterprise.Uscc).Select(p => new { p.ItemCode, p.DepartmentCode }).ToListAsync(cancellationToken))
            .Select(p => (p.ItemCode, p.DepartmentCode))
            .ToHashSet();
        var pushes = needs
            .Where(n => !existing.Contains((n.Code, n.DepartmentCode)))
            .Select(n => new Push(enterprise.Uscc, n.Code, n.DepartmentCode, enterprise.RegionCode, n.Mode, command.EventId, today))
            .ToList();
        if (pushes.Count == 0)
        {
            return [];
        }

        db.Pushes.AddRange(pushes);
        foreach (var push in pushes)
        {
            var itemName = needs.First(n => n.Code == push.ItemCode && n.DepartmentCode == push.DepartmentCode).Name;
            await Outbox.EnqueueAsync(db, push.DepartmentCode, PushCreated.EventType, PushCreated.Of(push, enterprise, itemName), time, cancellationToken);
        }

        db.Record(command.Actor, time, "coordination.pushed", nameof(Enterprise), enterprise.Uscc, $"双告知（事件 {command.EventId}）：推送 {string.Join("、", pushes.Select(p => $"{p.ItemCode}→{p.DepartmentCode}"))}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same registration was being notified at the same moment; its pushes are there.
            db.ChangeTracker.Clear();
            return [];
        }

        return pushes;
    }
}
