using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Credit;

/// <summary>
/// The regulator's lists: its listings in force on each list, objections waiting for an answer (earliest due first),
/// and the abnormal-list companies whose three years are up, proposed for the serious list until someone confirms.
/// The oversight office (no department) sees every department's.
/// </summary>
public sealed class FindListings(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public const int PageSize = 200;

    public sealed record Lists(IReadOnlyList<AbnormalListing> Abnormal, IReadOnlyList<AbnormalListing> Objections, IReadOnlyList<AbnormalListing> DueForSerious, IReadOnlyList<SeriousListing> Serious, DateOnly Today);

    public async Task<Lists> HandleAsync(string? departmentCode, CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(time);
        var abnormal = db.AbnormalListings.AsNoTracking().Where(l => l.RemovedOn == null && (departmentCode == null || l.DepartmentCode == departmentCode));
        var pending = new[] { ObjectionStage.Lodged, ObjectionStage.Accepted };
        // A day more than three years back, for a listing of 29 February; the rule itself decides.
        var threeYearsAgo = today.AddYears(-AbnormalListRules.YearsToSerious).AddDays(1);
        return new Lists(
            await abnormal.OrderByDescending(l => l.ListedOn).ThenByDescending(l => l.Id).Take(PageSize).ToListAsync(cancellationToken),
            await abnormal.Where(l => pending.Contains(l.Objection)).OrderBy(l => l.ObjectionDueOn).Take(PageSize).ToListAsync(cancellationToken),
            [.. (await abnormal.Where(l => l.ListedOn <= threeYearsAgo).OrderBy(l => l.ListedOn).Take(PageSize).ToListAsync(cancellationToken)).Where(l => AbnormalListRules.DueForSerious(l, today))],
            await db.SeriousListings.AsNoTracking()
                .Where(l => l.RemovedOn == null && l.EndsOn > today && (departmentCode == null || l.DepartmentCode == departmentCode))
                .OrderByDescending(l => l.ListedOn).ThenByDescending(l => l.Id).Take(PageSize).ToListAsync(cancellationToken),
            today);
    }
}
