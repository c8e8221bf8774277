namespace Zhengzhao.Registry;

/// <summary>
/// Asked before a person becomes a company's legal representative. Credit answers (the joint-discipline rule on the
/// serious list); the registry only enforces, so it keeps no list of barred people of its own.
/// </summary>
public interface IRepresentativeBar
{
    /// <summary>Why the person may not serve, citing the rule; null when nothing bars them.</summary>
    Task<string?> ReasonAsync(string idNumber, string exceptUscc, CancellationToken cancellationToken);
}
