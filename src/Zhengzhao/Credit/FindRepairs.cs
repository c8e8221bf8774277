using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Licensing;
using Zhengzhao.Persistence;

namespace Zhengzhao.Credit;

/// <summary>Credit repair applications, waiting ones first, each group newest first: a department sees those it decides, a company its own.</summary>
public sealed class FindRepairs(ZhengzhaoDbContext db) : IUseCase
{
    public const int PageSize = 200;

    /// <summary>Exactly one of the two: the department that decides, or the company that applied.</summary>
    public sealed record Reader(string? DepartmentCode, string? Uscc);

    /// <summary>An entry of the company's record that credit repair could end, and from when.</summary>
    public sealed record Repairable(RepairTarget Target, Guid Id, string Title, string DepartmentCode, DateOnly Since, DateOnly EligibleFrom, PenaltyMeasure? Measure = null, AbnormalListing? Listing = null);

    /// <summary>What on the company's record still has effect: listings in force, unrepaired breaches, penalties still published.</summary>
    public async Task<IReadOnlyList<Repairable>> RepairableAsync(string uscc, DateOnly today, CancellationToken cancellationToken = default)
    {
        var abnormal = await db.AbnormalListings.AsNoTracking().Where(l => l.Uscc == uscc && l.RemovedOn == null).OrderBy(l => l.ListedOn).ToListAsync(cancellationToken);
        var serious = await db.SeriousListings.AsNoTracking().Where(l => l.Uscc == uscc && l.RemovedOn == null && l.EndsOn > today).OrderBy(l => l.ListedOn).ToListAsync(cancellationToken);
        var breaches = await db.CommitmentBreaches.AsNoTracking().Where(b => b.Uscc == uscc && b.RepairedOn == null)
            .Join(db.PublishedApplications(), b => b.ApplicationId, a => a.Id, (b, a) => new { Breach = b, a.DepartmentCode })
            .OrderBy(x => x.Breach.RecordedOn).ToListAsync(cancellationToken);
        var penalties = (await db.Penalties.AsNoTracking().Where(p => p.Uscc == uscc && p.PublicityEndedOn == null).OrderBy(p => p.DecidedOn).ToListAsync(cancellationToken)).Where(p => today < p.PublicUntil);
        return
        [
            .. abnormal.Select(l => new Repairable(RepairTarget.AbnormalListing, l.Id, $"列入经营异常名录：{l.DecisionNumber}", l.DepartmentCode, l.ListedOn, RepairRules.EligibleFrom(RepairTarget.AbnormalListing, l.ListedOn), Listing: l)),
            .. serious.Select(l => new Repairable(RepairTarget.SeriousListing, l.Id, $"列入严重违法失信名单：{l.DecisionNumber}", l.DepartmentCode, l.ListedOn, RepairRules.EligibleFrom(RepairTarget.SeriousListing, l.ListedOn))),
            .. breaches.Select(x => new Repairable(RepairTarget.CommitmentBreach, x.Breach.Id, $"虚假承诺（{x.Breach.ItemCode}，{x.Breach.RecordedOn:yyyy-MM-dd}）", x.DepartmentCode, x.Breach.RecordedOn, RepairRules.EligibleFrom(RepairTarget.CommitmentBreach, x.Breach.RecordedOn))),
            .. penalties.Select(p => new Repairable(RepairTarget.Penalty, p.Id, $"行政处罚：{p.DecisionNumber}", p.DepartmentCode, p.DecidedOn, RepairRules.EligibleFrom(RepairTarget.Penalty, p.DecidedOn, p.Measure), p.Measure)),
        ];
    }

    public async Task<IReadOnlyList<CreditRepair>> HandleAsync(Reader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var repairs = db.CreditRepairs.AsNoTracking().Where(r => reader.Uscc != null ? r.Uscc == reader.Uscc : r.DepartmentCode == reader.DepartmentCode);
        return await repairs.OrderBy(r => r.State == RepairState.Applied ? 0 : 1).ThenByDescending(r => r.AppliedOn).ThenByDescending(r => r.Id).Take(PageSize).ToListAsync(cancellationToken);
    }
}
