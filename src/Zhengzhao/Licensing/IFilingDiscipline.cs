namespace Zhengzhao.Licensing;

/// <summary>
/// Asked when a company files: what the joint discipline on it means for the filing today. Credit answers (its rules
/// and lists); Licensing only enforces, so it keeps no list of restricted companies and need not depend on Credit.
/// </summary>
public interface IFilingDiscipline
{
    Task<FilingDiscipline> OfAsync(string uscc, CancellationToken cancellationToken);
}

/// <param name="CommitmentBarredBecause">Why the company may not take the commitment route (告知承诺), citing the rule; null when it may.</param>
/// <param name="CloserReview">Why its applications are reviewed more closely, one line per rule; empty when nothing asks for it.</param>
public sealed record FilingDiscipline(string? CommitmentBarredBecause, IReadOnlyList<string> CloserReview);
