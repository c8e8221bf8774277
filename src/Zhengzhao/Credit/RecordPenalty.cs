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
        var errors = new FieldErrors();
        var number = errors.Text("decisionNumber", command.DecisionNumber, Penalty.MaxNumberLength, "处罚决定书文号");
        var uscc = errors.Check(command.Uscc);

        var basis = errors.Text("legalBasis", command.LegalBasis, Penalty.MaxBasisLength, "处罚依据", TextKind.Paragraph);
        var facts = errors.Text("facts", command.Facts, Penalty.MaxFactsLength, "违法事实", TextKind.Paragraph);
        if (command.Measure is not { } measure || !Enum.IsDefined(measure))
        {
            errors.Add("measure", "请选择处罚种类：Warning、Fine、PermitSanction、BusinessRestriction 或 Other。");
            measure = default;
        }

        if (command.Amount is { } amount && (amount <= 0 || amount >= MaxAmount || decimal.Round(amount, 2) != amount))
        {
            errors.Add("amount", "罚没金额（元）应为正数，至多两位小数，小于一万亿元。");
        }
        else if (measure == PenaltyMeasure.Fine && command.Amount is null)
        {
            errors.Add("amount", "罚款、没收的处罚须填写罚没金额（元）。");
        }
        else if (measure != PenaltyMeasure.Fine && command.Amount is not null)
        {
            errors.Add("amount", "只有罚款、没收的处罚填写罚没金额；其他处罚种类请留空。");
        }

        var today = ChinaTime.Today(time);
        var decidedOn = errors.Date("decidedOn", command.DecidedOn, today, "处罚决定日期");
        if (errors.Any)
        {
            return errors.Refusal("credit/invalid-penalty", "处罚信息有误");
        }

        if (await FindAsync(command.DepartmentCode, number, cancellationToken) is { } entered)
        {
            return Same(entered.Penalty, uscc, facts, measure, command.Amount, decidedOn) ? entered : CreditRefusals.NumberTaken(number);
        }

        var decision = await db.DecisionAsync(uscc, command.DepartmentCode, "录入行政处罚", cancellationToken);
        if (!decision.IsSuccess)
        {
            return decision.Refusal;
        }

        var (subject, decider) = decision.Value;
        if (subject.BeforeFounding(decidedOn, "decidedOn", "处罚决定日期") is { } tooEarly)
        {
            return tooEarly;
        }

        var penalty = new Penalty(number, uscc, command.DepartmentCode, basis, facts, measure, command.Amount, decidedOn, command.Actor.UserName);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var money = command.Amount is { } yuan ? $"，罚没金额 {yuan:0.##} 元" : string.Empty;
        var entry = CreditEntry.PublishedToday(
            uscc, CreditEntryKind.Penalty, $"行政处罚：{number}", $"违法事实：{facts}；处罚依据：{basis}；处罚内容：{Penalty.Name(measure)}{money}；决定日期 {penalty.DecidedOn:yyyy-MM-dd}",
            decider, penalty.DecidedOn, (calendar, subject.RegionCode), today, CreditSource.Penalty, penalty.Id);
        db.Penalties.Add(penalty);
        db.CreditEntries.Add(entry);
        db.Record(command.Actor, time, "credit.penalty-recorded", nameof(Penalty), penalty.Id.ToString(), $"{subject.Name}（{uscc}）：{number}，{Penalty.Name(measure)}{money}{(entry.PublishedLate ? $"；超过公示时限（应于 {entry.PublishDueOn:yyyy-MM-dd} 前公示）" : string.Empty)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same decision entered twice at once (a double click): the first stands.
            db.ChangeTracker.Clear();
            if (await FindAsync(command.DepartmentCode, number, cancellationToken) is { } first)
            {
                return Same(first.Penalty, uscc, facts, measure, command.Amount, decidedOn) ? first : CreditRefusals.NumberTaken(number);
            }

            throw;
        }

        return new Recorded(penalty, entry, Replayed: false);
    }

    private static bool Same(Penalty p, string uscc, string facts, PenaltyMeasure measure, decimal? amount, DateOnly decidedOn) =>
        p.Uscc == uscc && p.Facts == facts && p.Measure == measure && p.Amount == amount && p.DecidedOn == decidedOn;

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
