using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Credit;

/// <summary>
/// 信用修复决定: the department behind the entry approves or rejects, with reasons. An approval takes effect in the same
/// save: the listing ends (removal on the record), the false commitment's bar lifts, or the penalty stops being
/// published. The company is told either way; the decision is audited.
/// </summary>
public sealed class DecideRepair(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, TimeProvider time) : IUseCase
{
    public sealed record Command(Guid RepairId, bool Approve, string? Reasons, string DepartmentCode, Actor Actor);

    public async Task<Result<CreditRepair>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new FieldErrors();
        var reasons = errors.Text("reasons", command.Reasons, CreditRepair.MaxTextLength, command.Approve ? "准予修复的理由" : "不予修复的理由", TextKind.Paragraph);
        if (errors.Any)
        {
            return errors.Refusal("credit/invalid-decision", "修复决定有误");
        }

        var repair = await db.CreditRepairs.FirstOrDefaultAsync(r => r.Id == command.RepairId && r.DepartmentCode == command.DepartmentCode, cancellationToken);
        if (repair is null)
        {
            return CreditRefusals.RepairNotFound();
        }

        var today = ChinaTime.Today(time);
        var decided = repair.Decide(command.Approve, reasons, command.Actor.UserName, today);
        if (!decided.IsSuccess)
        {
            return decided;
        }

        if (command.Approve && await TakeEffectAsync(repair, reasons, command.Actor, today, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var outcome = RepairRules.Name(repair.State);
        notifier.Tell(Mailboxes.Company(repair.Uscc), $"信用修复申请{outcome}：{repair.TargetTitle}", $"您于 {repair.AppliedOn:yyyy-MM-dd} 提出的信用修复申请经审核{outcome}。理由：{reasons}", "/Credit/Repairs");
        db.Record(command.Actor, time, command.Approve ? "credit.repair-approved" : "credit.repair-rejected", nameof(CreditRepair), repair.Id.ToString(), $"{repair.EnterpriseName}（{repair.Uscc}）{repair.TargetTitle}：{outcome}，{reasons}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            return CreditRefusals.RepairDecidedMeanwhile();
        }

        return repair;
    }

    /// <summary>What an approval ends, with the entry that publishes it; a refusal if the entry ended meanwhile.</summary>
    private async Task<Refusal?> TakeEffectAsync(CreditRepair repair, string reasons, Actor actor, DateOnly today, CancellationToken cancellationToken)
    {
        var days = (await calendars.GetAsync(db, cancellationToken), await db.RegionAsync(repair.Uscc, cancellationToken));
        var department = await db.Departments.AsNoTracking().Where(d => d.Code == repair.DepartmentCode).Select(d => d.Name).FirstAsync(cancellationToken);
        CreditEntry Entry(CreditEntryKind kind, string detail, CreditSource source, Guid sourceId) =>
            CreditEntry.PublishedToday(repair.Uscc, kind, $"{CreditPublicity.Name(kind)}：{repair.TargetTitle}", $"{detail}；信用修复理由：{reasons}", (department, repair.DepartmentCode), today, days, today, source, sourceId);

        switch (repair.Target)
        {
            case RepairTarget.AbnormalListing:
                var abnormal = await db.AbnormalListings.FirstAsync(l => l.Id == repair.TargetId, cancellationToken);
                var removed = abnormal.Remove(ListingEnd.Repaired, reasons, actor.UserName, today);
                if (!removed.IsSuccess)
                {
                    return removed.Refusal;
                }

                db.CreditEntries.Add(CreditLists.RemovalEntry(abnormal, days, today));
                return null;
            case RepairTarget.SeriousListing:
                var serious = await db.SeriousListings.FirstAsync(l => l.Id == repair.TargetId, cancellationToken);
                var ended = serious.Remove(reasons, actor.UserName, today);
                if (!ended.IsSuccess)
                {
                    return ended.Refusal;
                }

                db.CreditEntries.Add(Entry(CreditEntryKind.SeriousRemoval, $"经信用修复于 {today:yyyy-MM-dd} 提前移出", CreditSource.Delisting, serious.Id));
                return null;
            case RepairTarget.CommitmentBreach:
                var breach = await db.CommitmentBreaches.FirstAsync(b => b.Id == repair.TargetId, cancellationToken);
                var repaired = breach.Repair(today);
                if (!repaired.IsSuccess)
                {
                    return repaired.Refusal;
                }

                db.CreditEntries.Add(Entry(CreditEntryKind.CommitmentRepair, $"自 {today:yyyy-MM-dd} 起可以选择告知承诺方式", CreditSource.Repair, repair.Id));
                return null;
            default:
                var penalty = await db.Penalties.FirstAsync(p => p.Id == repair.TargetId, cancellationToken);
                var stopped = penalty.EndPublicity(today);
                if (!stopped.IsSuccess)
                {
                    return stopped.Refusal;
                }

                db.CreditEntries.Add(Entry(CreditEntryKind.PenaltyPublicityEnded, $"自 {today:yyyy-MM-dd} 起停止公示", CreditSource.Repair, repair.Id));
                return null;
        }
    }
}
