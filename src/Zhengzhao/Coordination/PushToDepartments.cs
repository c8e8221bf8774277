using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Coordination.Webhooks;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Coordination;

/// <summary>
/// 双告知, the registrar's push: after a registration or a change of scope, one push per (company, item, approving
/// department) the scope calls for, an acknowledge-only copy (抄告) to the concerned departments that do not approve
/// (the item's industry authority, the company's local office), and a
/// notification letter (告知书) for the company to sign. Idempotent: pushes that exist are left alone and a letter is
/// issued once per event, so a redelivered registration or a repeated call adds nothing.
/// </summary>
public sealed class PushToDepartments(ZhengzhaoDbContext db, ScopeCatalogue catalogue, TimeProvider time) : IUseCase
{
    public sealed record Command(string Uscc, string EventId, Actor Actor);

    public async Task<IReadOnlyList<Push>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var enterprise = await db.RegisteredEnterprises().FirstOrDefaultAsync(e => e.Uscc == command.Uscc, cancellationToken);
        if (enterprise is null || enterprise.Status != EnterpriseStatus.Active)
        {
            return [];
        }

        var today = ChinaTime.Today(time);
        var snapshot = await catalogue.GetAsync(db, cancellationToken);
        var authorities = snapshot.Items.ToDictionary(i => i.Code, i => i.Content.IndustryAuthorityCode);
        var needs = AnalyseScope.Needs(snapshot, enterprise.BusinessScope, enterprise.Type, enterprise.RegionCode, today);
        var existing = (await db.Pushes.AsNoTracking().Where(p => p.Uscc == enterprise.Uscc).Select(p => new { p.ItemCode, p.DepartmentCode }).ToListAsync(cancellationToken))
            .Select(p => (p.ItemCode, p.DepartmentCode))
            .ToHashSet();
        var pushes = needs
            .Where(n => !existing.Contains((n.Code, n.DepartmentCode)))
            .Select(n => new Push(enterprise.Uscc, n.Code, n.DepartmentCode, authorities[n.Code], enterprise.RegionCode, n.Mode, command.EventId, today))
            .ToList();
        if (pushes.Count == 0)
        {
            return [];
        }

        db.Pushes.AddRange(pushes);
        db.PushCopies.AddRange(await ConcernedDepartments.CopiesAsync(db, pushes, cancellationToken));
        if (!await db.NotificationLetters.AnyAsync(l => l.Uscc == enterprise.Uscc && l.EventId == command.EventId, cancellationToken))
        {
            db.NotificationLetters.Add(new NotificationLetter(enterprise.Uscc, enterprise.Name, command.EventId, today, needs.Select(n => new LetterItem(n.Code, n.Name, n.DepartmentCode, n.Department, n.Mode))));
        }

        foreach (var push in pushes)
        {
            var itemName = needs.First(n => n.Code == push.ItemCode && n.DepartmentCode == push.DepartmentCode).Name;
            await Outbox.EnqueueAsync(db, push.DepartmentCode, PushCreated.EventType, PushCreated.Of(push, enterprise.Name, itemName), time, cancellationToken);
        }

        db.Record(command.Actor, time, "coordination.pushed", "Enterprise", enterprise.Uscc, $"双告知（事件 {command.EventId}）：推送 {string.Join("、", pushes.Select(p => $"{p.ItemCode}→{p.DepartmentCode}"))}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same registration was being pushed at the same moment (a unique push or letter appeared): its pushes are there.
            db.ChangeTracker.Clear();
            return [];
        }

        return pushes;
    }
}
