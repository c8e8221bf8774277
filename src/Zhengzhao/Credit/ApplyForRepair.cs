using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Licensing;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Credit;

/// <summary>
/// 申请信用修复: a company asks to end an entry of its own record early, once it is eligible, with a statement of what
/// it did and its uploaded evidence. The application goes to the department behind the entry.
/// </summary>
public sealed class ApplyForRepair(ZhengzhaoDbContext db, FindRepairs find, TimeProvider time) : IUseCase
{
    public const int MaxEvidence = 10;

    public sealed record Command(string Uscc, RepairTarget? Target, Guid TargetId, string? Statement, IReadOnlyList<Guid>? Evidence, Actor Actor);

    public async Task<Result<CreditRepair>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new FieldErrors();
        if (command.Target is not { } target || !Enum.IsDefined(target))
        {
            errors.Add("target", "请选择修复事项：AbnormalListing、SeriousListing、CommitmentBreach 或 Penalty。");
            target = default;
        }

        var statement = errors.Text("statement", command.Statement, CreditRepair.MaxTextLength, "履行法定义务、纠正失信行为的情况", TextKind.Paragraph);
        var evidence = command.Evidence?.Distinct().ToList() ?? [];
        if (evidence.Count is 0 or > MaxEvidence)
        {
            errors.Add("evidence", $"请上传 1 至 {MaxEvidence} 份证明材料。");
        }

        if (errors.Any)
        {
            return errors.Refusal("credit/invalid-repair", "修复申请有误");
        }

        var today = ChinaTime.Today(time);
        var found = (await find.RepairableAsync(command.Uscc, today, cancellationToken)).FirstOrDefault(r => r.Target == target && r.Id == command.TargetId);
        if (found is null)
        {
            return CreditRefusals.RepairTargetNotFound(target);
        }

        if (RepairRules.TooEarly(target, found.Since, today, found.Measure) is { } early)
        {
            return early;
        }

        // The evidence becomes part of the record: Licensing keeps it for good, or it has expired and is uploaded again.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await MaterialUploads.PutInUseAsync(db, command.Uscc, evidence, time.GetUtcNow(), cancellationToken) is not null)
        {
            return MaterialUploads.Expired("evidence", "证明材料应为本企业上传的文件。");
        }

        var name = await db.RegisteredEnterprises().Where(e => e.Uscc == command.Uscc).Select(e => e.Name).FirstAsync(cancellationToken);
        var repair = new CreditRepair(command.Uscc, name, target, command.TargetId, found.Title, found.DepartmentCode, statement, evidence, command.Actor.UserName, today);
        db.CreditRepairs.Add(repair);
        db.Record(command.Actor, time, "credit.repair-applied", nameof(CreditRepair), repair.Id.ToString(), $"{name}（{command.Uscc}）申请修复{found.Title}，证明材料 {evidence.Count} 份");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var open = await db.CreditRepairs.AsNoTracking().FirstOrDefaultAsync(r => r.OpenTargetId == command.TargetId, cancellationToken);
            return CreditRefusals.RepairOpen(open?.AppliedOn);
        }

        return repair;
    }
}
