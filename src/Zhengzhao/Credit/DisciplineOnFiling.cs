using Zhengzhao.Licensing;

namespace Zhengzhao.Credit;

/// <summary>Credit's answer to Licensing's <see cref="IFilingDiscipline"/>: the joint-discipline bars that touch a filing, in words.</summary>
public sealed class DisciplineOnFiling(JointDiscipline discipline) : IFilingDiscipline
{
    public async Task<FilingDiscipline> OfAsync(string uscc, CancellationToken cancellationToken)
    {
        var bars = await discipline.BarsAsync(uscc, null, cancellationToken);
        var commitment = bars.FirstOrDefault(b => b.Rule.Restriction == Restriction.CommitmentRoute);
        return new FilingDiscipline(
            commitment is null ? null : $"{commitment.Reason}（联合惩戒规则 {commitment.Rule.Code}）",
            [.. bars.Where(b => b.Rule.Restriction == Restriction.CloserReview).Select(b => $"规则 {b.Rule.Code}：{b.Reason}")]);
    }
}
