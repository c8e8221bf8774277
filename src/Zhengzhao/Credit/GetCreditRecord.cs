using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Credit;

/// <summary>
/// A company's credit record as staff read it: the company and its entries, newest first, each with its section, its
/// authority and whether it was published on time. Holds no personal data: entries never carry identity numbers.
/// </summary>
public sealed class GetCreditRecord(ZhengzhaoDbContext db) : IUseCase
{
    public sealed record Record(string Uscc, string Name, string Status, IReadOnlyList<CreditEntry> Entries);

    public async Task<Result<Record>> HandleAsync(string? code, CancellationToken cancellationToken = default)
    {
        var parsed = CreditCodes.Parse(code);
        if (!parsed.IsSuccess)
        {
            return parsed.Refusal!;
        }

        var uscc = parsed.Value!;
        var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.Uscc == uscc).Select(e => new { e.Name, e.Status }).FirstOrDefaultAsync(cancellationToken);
        if (enterprise is null)
        {
            return new Refusal("credit/enterprise-not-found", "主体不存在", $"统一社会信用代码“{uscc}”不在登记库中。", RefusalKind.NotFound);
        }

        var entries = await db.CreditEntries.AsNoTracking()
            .Where(e => e.Uscc == uscc)
            .OrderByDescending(e => e.ArisenOn).ThenByDescending(e => e.Id)
            .ToListAsync(cancellationToken);
        return new Record(uscc, enterprise.Name, Registry.EnterpriseStatuses.Name(enterprise.Status), entries);
    }
}
