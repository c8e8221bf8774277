using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Credit;

/// <summary>
/// 申请信用修复: a company asks to end an entry of its own record early, once it is eligible, with a statement of what
/// it did and its uploaded evidence. The application goes to the department behind the entry.
/// </summary>
public sealed class ApplyForRepair(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public const int MaxEvidence = 10;

    public sealed record Command(string Uscc, RepairTarget? Target, Guid TargetId, string? Statement, IReadOnlyList<Guid>? Evidence, Actor Actor);

    /// <summary>What is to be repaired, as found on the record.</summary>
    private sealed record Found(string Title, string DepartmentCode, DateOnly Since, bool InForce, PenaltyMeasure? Measure = null);

    public async Task<Result<CreditRepair>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new FieldErrors();
        if (command.Target is not { } target || !Enum.IsDefined(target))
        {
            errors.Add("target", "请选择修复事项：AbnormalListing、SeriousListing、CommitmentBreach 或 Penalty。");
            target = default;
        }

        var statement = errors.Text("statement", command.Statement, CreditRepair.MaxTextLength, "履行法定义务、纠正失信行为的情况");
        var evidence = command.Evidence?.Distinct().ToList() ?? [];
        if (evidence.Count is 0 or > MaxEvidence)
        {
            errors.Add("evidence", $"请上传 1 至 {MaxEvidence} 份证明材料。");
        }
        else if (await db.MaterialUploads.CountAsync(u => evidence.Contains(u.Id) && u.Uscc == command.Uscc, cancellationToken) != evidence.Count)
        {
            errors.Add("evidence", "证明材料应为本企业上传的文件，请重新上传。");
        }

        if (errors.Any)
        {
            return errors.Refusal("credit/invalid-repair", "修复申请有误");
        }

        var found = await FindAsync(target, command.TargetId, command.Uscc, cancellationToken);
        if (found is null)
        {
            return new Refusal("credit/repair-target-not-found", "没有该信用记录", $"本企业没有这项{RepairRules.Name(target)}。", RefusalKind.NotFound);
        }

        var today = ChinaTime.Today(time);
        if (!found.InForce)
        {
            return new Refusal("credit/repair-not-needed", "无需修复", $"该{RepairRules.Name(target)}已不再产生影响，无需申请信用修复。", RefusalKind.Conflict);
        }

        if (RepairRules.TooEarly(target, found.Since, today, found.Measure) is { } early)
        {
            return early;
        }

        var name = await db.Enterprises.AsNoTracking().Where(e => e.Uscc == command.Uscc).Select(e => e.Name).FirstAsync(cancellationToken);
        var repair = new CreditRepair(command.Uscc, name, target, command.TargetId, found.Title, found.DepartmentCode, statement, evidence, command.Actor.UserName, today);
        db.CreditRepairs.Add(repair);
        db.Record(command.Actor, time, "credit.repair-applied", nameof(CreditRepair), repair.Id.ToString(), $"{name}（{command.Uscc}）申请修复{found.Title}，证明材料 {evidence.Count} 份");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            var open = await db.CreditRepairs.AsNoTracking().FirstAsync(r => r.OpenTargetId == command.TargetId, cancellationToken);
            return new Refusal("credit/repair-open", "已有待审核的申请", $"该事项已于 {open.AppliedOn:yyyy-MM-dd} 申请信用修复，正在审核，请勿重复申请。", RefusalKind.Conflict);
        }

        return repair;
    }

    private async Task<Found?> FindAsync(RepairTarget target, Guid id, string uscc, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(time);
        switch (target)
        {
            case RepairTarget.AbnormalListing:
                var abnormal = await db.AbnormalListings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id && l.Uscc == uscc, cancellationToken);
                return abnormal is null ? null : new Found($"列入经营异常名录：{abnormal.DecisionNumber}", abnormal.DepartmentCode, abnormal.ListedOn, abnormal.InForce);
            case RepairTarget.SeriousListing:
                var serious = await db.SeriousListings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id && l.Uscc == uscc, cancellationToken);
                return serious is null ? null : new Found($"列入严重违法失信名单：{serious.DecisionNumber}", serious.DepartmentCode, serious.ListedOn, serious.InForce(today));
            case RepairTarget.CommitmentBreach:
                var breach = await db.CommitmentBreaches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.Uscc == uscc, cancellationToken);
                var department = breach is null ? null : await db.Applications.AsNoTracking().Where(a => a.Id == breach.ApplicationId).Select(a => a.DepartmentCode).FirstOrDefaultAsync(cancellationToken);
                return breach is null || department is null ? null : new Found($"虚假承诺（{breach.ItemCode}，{breach.RecordedOn:yyyy-MM-dd}）", department, breach.RecordedOn, breach.RepairedOn is null);
            default:
                var penalty = await db.Penalties.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.Uscc == uscc, cancellationToken);
                return penalty is null ? null : new Found($"行政处罚：{penalty.DecisionNumber}", penalty.DepartmentCode, penalty.DecidedOn, today < penalty.PublicUntil, penalty.Measure);
        }
    }
}
