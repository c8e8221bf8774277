using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Credit;

/// <summary>
/// A company's credit record as staff read it: the company and its entries, newest first, each with its section, its
/// authority and whether it was published on time. Holds no personal data: entries never carry identity numbers.
/// </summary>
public sealed class GetCreditRecord(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    /// <summary>One year's annual report: filed when, and how that stands against the deadline.</summary>
    public sealed record YearReport(int Year, DateOnly? FiledOn, AnnualReportStatus Status);

    public sealed record Record(string Uscc, string Name, string Status, IReadOnlyList<CreditEntry> Entries, IReadOnlyList<YearReport> AnnualReports);

    public async Task<Result<Record>> HandleAsync(string? code, CancellationToken cancellationToken = default)
    {
        var parsed = CreditCodes.Parse(code);
        if (!parsed.IsSuccess)
        {
            return parsed.Refusal;
        }

        var uscc = parsed.Value;
        var enterprise = await db.RegisteredEnterprises().Where(e => e.Uscc == uscc).Select(e => new { e.Name, e.Status, e.EstablishedOn }).FirstOrDefaultAsync(cancellationToken);
        if (enterprise is null)
        {
            return CreditRefusals.EnterpriseNotFound(uscc);
        }

        var entries = await db.CreditEntries.AsNoTracking()
            .Where(e => e.Uscc == uscc)
            .OrderByDescending(e => e.ArisenOn).ThenByDescending(e => e.Id)
            .ToListAsync(cancellationToken);
        var today = ChinaTime.Today(time);
        var filed = await db.AnnualReports.AsNoTracking().Where(r => r.Uscc == uscc).ToDictionaryAsync(r => r.Year, r => r.FiledOn, cancellationToken);
        var reports = AnnualReportRules.YearsOwed(enterprise.EstablishedOn, today)
            .Select(year => (Year: year, FiledOn: filed.TryGetValue(year, out var on) ? on : (DateOnly?)null))
            .Select(y => new YearReport(y.Year, y.FiledOn, AnnualReportRules.Status(y.Year, y.FiledOn, today)))
            .ToList();
        return new Record(uscc, enterprise.Name, EnterpriseStatuses.Name(enterprise.Status), entries, reports);
    }
}
