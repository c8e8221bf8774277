using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Credit;

/// <summary>
/// 联合惩戒查询: what restricts a company now, in one respect or in all, each with the rule that applies, its basis and
/// the reason to tell the company. Staff of any department ask here before they act, instead of keeping lists.
/// </summary>
public sealed class GetRestrictions(ZhengzhaoDbContext db, JointDiscipline discipline) : IUseCase
{
    public sealed record Restrictions(string Uscc, string Name, IReadOnlyList<Bar> Bars);

    public async Task<Result<Restrictions>> HandleAsync(string? code, Restriction? restriction, CancellationToken cancellationToken = default)
    {
        var parsed = CreditCodes.Parse(code);
        if (!parsed.IsSuccess)
        {
            return parsed.Refusal;
        }

        var uscc = parsed.Value;
        var name = await db.RegisteredEnterprises().Where(e => e.Uscc == uscc).Select(e => e.Name).FirstOrDefaultAsync(cancellationToken);
        return name is null
            ? CreditRefusals.EnterpriseNotFound(uscc)
            : new Restrictions(uscc, name, await discipline.BarsAsync(uscc, restriction, cancellationToken));
    }

    /// <summary>A restriction as the API's <c>context</c> names it.</summary>
    public static Restriction? Context(string? context) => context switch
    {
        "Commitment" => Restriction.CommitmentRoute,
        "Review" => Restriction.CloserReview,
        "Inspection" => Restriction.RaisedInspectionRatio,
        _ => null,
    };
}
