using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Credit;

/// <summary>What a listing may restrict across departments (一处违法，处处受限).</summary>
public enum Restriction
{
    /// <summary>No notice-and-commitment route: the ordinary process only.</summary>
    CommitmentRoute,
}

/// <summary>What on a company's record can trigger a restriction.</summary>
public enum DisciplineTrigger
{
    /// <summary>An earlier false commitment not yet repaired (信用修复).</summary>
    CommitmentBreach,
}

/// <summary>One joint-discipline rule: a trigger on the record restricts the company in one respect, for a stated reason.</summary>
public sealed record DisciplineRule(DisciplineTrigger Trigger, Restriction Restriction, string Basis);

/// <summary>A company barred by a rule, with the reason to tell it.</summary>
public sealed record Bar(DisciplineRule Rule, string Reason);

/// <summary>
/// The one place departments ask whether a company is restricted (DESIGN §2, Credit): every screen and use case
/// calls this, none keeps its own list.
/// </summary>
public sealed class JointDiscipline(ZhengzhaoDbContext db) : IUseCase
{
    /// <summary>The rules in force. The credit issue turns this into a table the oversight office keeps.</summary>
    public static readonly IReadOnlyList<DisciplineRule> Rules =
    [
        new(DisciplineTrigger.CommitmentBreach, Restriction.CommitmentRoute, "作出虚假承诺的申请人，在信用修复前不适用告知承诺制"),
    ];

    public async Task<Bar?> CheckAsync(string uscc, Restriction restriction, CancellationToken cancellationToken = default) =>
        await BarsAsync(uscc, restriction, cancellationToken) is [var first, ..] ? first : null;

    /// <summary>Every rule that restricts the company now, in the given respect or (null) in any, each with its reason.</summary>
    public async Task<IReadOnlyList<Bar>> BarsAsync(string uscc, Restriction? restriction, CancellationToken cancellationToken = default)
    {
        var bars = new List<Bar>();
        foreach (var rule in Rules.Where(r => restriction is null || r.Restriction == restriction))
        {
            var breach = rule.Trigger switch
            {
                DisciplineTrigger.CommitmentBreach => await db.CommitmentBreaches.AsNoTracking()
                    .Where(b => b.Uscc == uscc && b.RepairedOn == null)
                    .OrderByDescending(b => b.RecordedOn)
                    .FirstOrDefaultAsync(cancellationToken),
                _ => null,
            };
            if (breach is not null)
            {
                bars.Add(new Bar(rule, $"该企业于 {breach.RecordedOn:yyyy-MM-dd} 经核查存在虚假承诺（{breach.ItemCode}），信用修复前不能选择告知承诺方式，请按一般程序申请。"));
            }
        }

        return bars;
    }
}
