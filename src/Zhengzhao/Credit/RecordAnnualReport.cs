using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Credit;

/// <summary>
/// 年报报送: the annual-report system (or the regulator) records that a company filed its report for a year. The
/// filing is published on the credit record. Idempotent on (company, year): the same filing again answers as before,
/// a different date for a year already filed is refused.
/// </summary>
public sealed class RecordAnnualReport(ZhengzhaoDbContext db, CalendarCache calendars, TimeProvider time) : IUseCase
{
    public sealed record Command(string? Uscc, int? Year, DateOnly? FiledOn, string DepartmentCode, Actor Actor);

    public sealed record Recorded(AnnualReport Report, AnnualReportStatus Status, bool Replayed);

    public async Task<Result<Recorded>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new FieldErrors();
        var uscc = errors.Check(command.Uscc);

        var today = ChinaTime.Today(time);
        if (command.Year is not { } year || year < 2000 || year >= today.Year)
        {
            errors.Add("year", $"年度应为 2000 年至 {today.Year - 1} 年之间的年份。");
            year = 0;
        }

        var filedOn = errors.Date("filedOn", command.FiledOn, today, "报送日期");
        if (year > 0 && filedOn != default && filedOn < AnnualReportRules.FirstDay(year))
        {
            errors.Add("filedOn", $"{year} 年度报告自 {AnnualReportRules.FirstDay(year):yyyy-MM-dd} 起报送，报送日期不能早于该日。");
        }

        if (errors.Any)
        {
            return errors.Refusal("credit/invalid-annual-report", "年报信息有误");
        }

        var status = AnnualReportRules.Status(year, filedOn, today);
        if (await db.AnnualReports.AsNoTracking().FirstOrDefaultAsync(r => r.Uscc == uscc && r.Year == year, cancellationToken) is { } filed)
        {
            return filed.FiledOn == filedOn
                ? new Recorded(filed, status, Replayed: true)
                : CreditRefusals.AnnualReportFiled(year, filed.FiledOn);
        }

        var decision = await db.DecisionAsync(uscc, command.DepartmentCode, "记录年度报告", cancellationToken);
        if (!decision.IsSuccess)
        {
            return decision.Refusal;
        }

        var (company, decider) = decision.Value;
        if (year < company.EstablishedOn.Year)
        {
            return CreditRefusals.BeforeFounding(company, AnnualReportRules.FirstDay(year).AddDays(-1), "year", $"{year} 年度");
        }

        var report = new AnnualReport(uscc, year, filedOn, command.Actor.UserName);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        db.AnnualReports.Add(report);
        db.CreditEntries.Add(CreditEntry.PublishedToday(
            uscc, CreditEntryKind.AnnualReport, $"{year} 年度报告", $"{filedOn:yyyy-MM-dd} 报送，{AnnualReportRules.Name(status)}（报送期限 {AnnualReportRules.Deadline(year):yyyy-MM-dd}）",
            decider, filedOn, (calendar, company.RegionCode), today, CreditSource.AnnualReport, report.Id));
        db.Record(command.Actor, time, "credit.annual-report", nameof(AnnualReport), report.Id.ToString(), $"{company.Name}（{uscc}）{year} 年度报告：{filedOn:yyyy-MM-dd} 报送，{AnnualReportRules.Name(status)}");
        return await CreditLists.SaveAsync(db, () => new Recorded(report, status, Replayed: false), () => HandleAsync(command, cancellationToken), cancellationToken);
    }
}
