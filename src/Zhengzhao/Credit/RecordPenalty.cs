using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Credit;

/// <summary>
/// 录入行政处罚: a department enters a penalty it decided; it goes on the company's credit record the same moment,
/// and if that is more than 20 working days after the decision, the record shows it was published late. Idempotent
/// on the department's decision number: entering the same decision again answers with the penalty already entered.
/// </summary>
public sealed class RecordPenalty(ZhengzhaoDbContext db, CalendarCache calendars, TimeProvider time) : IUseCase
{
    /// <summary>What the amount column holds: fourteen digits, two of them decimals.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public sealed record Command(string? DecisionNumber, string? Uscc, string? LegalBasis, string? Facts, PenaltyMeasure? Measure, decimal? Amount, DateOnly? DecidedOn, string DepartmentCode, Actor Actor);

    public sealed record Recorded(Penalty Penalty, CreditEntry Entry, bool Replayed);

    public async Task<Result<Recorded>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Dictionary<string, string[]>();
        string Text(string field, string? value, int max, string label)
        {
            var text = value?.Trim() ?? string.Empty;
            if (text.Length == 0 || text.Length > max)
            {
                errors[field] = [$"请填写{label}，不超过{max}字。"];
            }

            return text;
        }

        var number = Text("decisionNumber", command.DecisionNumber, Penalty.MaxNumberLength, "处罚决定书文号");
        var code = Uscc.Check(command.Uscc);
        if (!code.IsValid)
        {
            errors["uscc"] = [code.Reason!];
        }

        var basis = Text("legalBasis", command.LegalBasis, Penalty.MaxBasisLength, "处罚依据");
        var facts = Text("facts", command.Facts, Penalty.MaxFactsLength, "违法事实");
        if (command.Measure is not { } measure || !Enum.IsDefined(measure))
        {
            errors["measure"] = ["请选择处罚种类：Warning、Fine、PermitSanction、BusinessRestriction 或 Other。"];
            measure = default;
        }

        if (command.Amount is { } amount && (amount <= 0 || amount >= MaxAmount || decimal.Round(amount, 2) != amount))
        {
            errors["amount"] = ["罚没金额（元）应为正数，至多两位小数，小于一万亿元。"];
        }
        else if (measure == PenaltyMeasure.Fine && command.Amount is null)
        {
            errors["amount"] = ["罚款、没收的处罚须填写罚没金额（元）。"];
        }
        else if (measure != PenaltyMeasure.Fine && command.Amount is not null)
        {
            errors["amount"] = ["只有罚款、没收的处罚填写罚没金额；其他处罚种类请留空。"];
        }

        var today = ChinaTime.Today(time);
        if (command.DecidedOn is not { } decided || decided > today || decided.Year < 2000)
        {
            errors["decidedOn"] = ["处罚决定日期应为不晚于今天的有效日期。"];
        }

        if (errors.Count > 0)
        {
            return new Refusal("credit/invalid-penalty", "处罚信息有误", string.Join("；", errors.Values.Select(v => v[0]))) { Errors = errors };
        }

        var uscc = code.Code!.Value;
        if (await FindAsync(command.DepartmentCode, number, cancellationToken) is { } entered)
        {
            return Same(entered.Penalty, uscc, facts, measure, command.Amount, command.DecidedOn!.Value) ? entered : Taken(number);
        }

        var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.Uscc == uscc).Select(e => new { e.Name, e.RegionCode }).FirstOrDefaultAsync(cancellationToken);
        if (enterprise is null)
        {
            return new Refusal("credit/enterprise-not-found", "主体不存在", $"统一社会信用代码 {uscc} 不在登记库中。", RefusalKind.NotFound);
        }

        var department = await db.Departments.AsNoTracking().Where(d => d.Code == command.DepartmentCode && d.IsActive).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        if (department is null)
        {
            return new Refusal("credit/no-department", "不能录入处罚", "您的账户未归属在用的部门，不能以部门名义录入行政处罚，请联系系统管理员。", RefusalKind.Forbidden);
        }

        var penalty = new Penalty(number, uscc, command.DepartmentCode, basis, facts, measure, command.Amount, command.DecidedOn!.Value, command.Actor.UserName);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var money = command.Amount is { } yuan ? $"，罚没金额 {yuan:0.##} 元" : string.Empty;
        var entry = new CreditEntry(
            uscc, CreditEntryKind.Penalty, $"行政处罚：{number}", $"违法事实：{facts}；处罚依据：{basis}；处罚内容：{Penalty.Name(measure)}{money}；决定日期 {penalty.DecidedOn:yyyy-MM-dd}",
            department, command.DepartmentCode, penalty.DecidedOn, CreditPublicity.DueOn(calendar, penalty.DecidedOn, enterprise.RegionCode), today, CreditSource.Penalty, penalty.Id);
        db.Penalties.Add(penalty);
        db.CreditEntries.Add(entry);
        db.Record(command.Actor, time, "credit.penalty-recorded", nameof(Penalty), penalty.Id.ToString(), $"{enterprise.Name}（{uscc}）：{number}，{Penalty.Name(measure)}{money}{(entry.PublishedLate ? $"；超过公示时限（应于 {entry.PublishDueOn:yyyy-MM-dd} 前公示）" : string.Empty)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same decision entered twice at once (a double click): the first stands.
            db.ChangeTracker.Clear();
            if (await FindAsync(command.DepartmentCode, number, cancellationToken) is { } first)
            {
                return Same(first.Penalty, uscc, facts, measure, command.Amount, command.DecidedOn!.Value) ? first : Taken(number);
            }

            throw;
        }

        return new Recorded(penalty, entry, Replayed: false);
    }

    private static bool Same(Penalty p, string uscc, string facts, PenaltyMeasure measure, decimal? amount, DateOnly decidedOn) =>
        p.Uscc == uscc && p.Facts == facts && p.Measure == measure && p.Amount == amount && p.DecidedOn == decidedOn;

    private static Refusal Taken(string number) =>
        new("credit/duplicate-decision", "文号已录入", $"本机关处罚决定书文号“{number}”已录入为另一项处罚，请核对文号。", RefusalKind.Conflict);

    private async Task<Recorded?> FindAsync(string departmentCode, string number, CancellationToken cancellationToken)
    {
        var penalty = await db.Penalties.AsNoTracking().FirstOrDefaultAsync(p => p.DepartmentCode == departmentCode && p.DecisionNumber == number, cancellationToken);
        if (penalty is null)
        {
            return null;
        }

        var entry = await db.CreditEntries.AsNoTracking().FirstAsync(e => e.Source == CreditSource.Penalty && e.SourceId == penalty.Id, cancellationToken);
        return new Recorded(penalty, entry, Replayed: true);
    }
}
