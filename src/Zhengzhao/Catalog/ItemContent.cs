using System.Text.Json.Serialization;
using Zhengzhao.Registry;

namespace Zhengzhao.Catalog;

/// <summary>
/// Everything a version of a catalogue item says: what the service guide publishes and what the later processes
/// (applications, dual notification, verification) read. Immutable; a change is a new content on a new version.
/// </summary>
public sealed record ItemContent
{
    public const int DefaultRenewalWindowDays = 30;

    /// <summary>备案后核查期 when a filing item sets none: working days after the filing.</summary>
    public const int DefaultFilingCheckDays = 20;

    public required string Name { get; init; }

    [JsonPropertyName("department")]
    public required string DepartmentCode { get; init; }

    /// <summary>
    /// 行业主管部门, when it is not the approving department: it receives an acknowledge-only copy (抄告) of each push
    /// for the item and follows the loop until it closes (双跟踪).
    /// </summary>
    [JsonPropertyName("industryAuthority")]
    public string? IndustryAuthorityCode { get; init; }

    public ApprovalLevel Level { get; init; }

    /// <summary>设定依据.</summary>
    public required string LegalBasis { get; init; }

    public ReformMode Mode { get; init; }

    /// <summary>具体改革举措.</summary>
    public string ReformMeasures { get; init; } = string.Empty;

    /// <summary>加强事中事后监管措施.</summary>
    public string SupervisionMeasures { get; init; } = string.Empty;

    public IReadOnlyList<ItemCondition> Conditions { get; init; } = [];

    public IReadOnlyList<ItemMaterial> Materials { get; init; } = [];

    /// <summary>The published steps, each with its own limit (提高透明度 and 加强准入管理).</summary>
    public IReadOnlyList<ItemStep> Steps { get; init; } = [];

    /// <summary>法定时限, working days.</summary>
    public int StatutoryLimitDays { get; init; }

    /// <summary>承诺时限, working days; never more than the statutory limit.</summary>
    public int CommittedLimitDays { get; init; }

    public bool ExtensionAllowed { get; init; }

    public int ExtensionDays { get; init; }

    public bool PauseForSupplement { get; init; }

    public bool PauseForTesting { get; init; }

    public bool PauseForExpertReview { get; init; }

    /// <summary>Fees and their basis; none means the item is free.</summary>
    public IReadOnlyList<ItemFee> Fees { get; init; } = [];

    public HandlingChannel Channel { get; init; }

    public string ServiceLocation { get; init; } = string.Empty;

    public string ServiceHours { get; init; } = string.Empty;

    /// <summary>许可证件名称 (the receipt's name for a filing).</summary>
    public string? PermitName { get; init; }

    /// <summary>Years the permit is valid; null for no expiry.</summary>
    public int? PermitValidityYears { get; init; }

    /// <summary>
    /// Days before a permit's last valid day from which its renewal (延续) is received; absent in documents written
    /// before it existed, which therefore read the default.
    /// </summary>
    public int RenewalWindowDays { get; init; } = DefaultRenewalWindowDays;

    /// <summary>
    /// Working days after the decision within which a commitment is verified (核查); for a filing, after the filing
    /// (备案后核查, <see cref="DefaultFilingCheckDays"/> when unset).
    /// </summary>
    public int? VerificationWindowDays { get; init; }

    /// <summary>
    /// The share of filings checked afterwards, in percent: 100 checks every filing, less draws a sample (抽查). Only
    /// filing items read it; absent in documents written before it existed, which therefore check all.
    /// </summary>
    public int FilingCheckPercent { get; init; } = 100;

    /// <summary>The model text of the 告知承诺书 the applicant signs.</summary>
    public string? CommitmentLetterText { get; init; }

    public RiskLevel RiskLevel { get; init; }

    /// <summary>Phrases of a business scope (经营范围) that mean this permit is needed.</summary>
    public IReadOnlyList<string> ScopePhrases { get; init; } = [];

    /// <summary>The enterprise types the item concerns; empty for all.</summary>
    public IReadOnlyList<EnterpriseType> EnterpriseTypes { get; init; } = [];

    /// <summary>
    /// Keeps the templates and samples of an earlier content for the materials of the same name: the edit form and
    /// the spreadsheet carry no files, and re-entering an item's text must not drop its downloads.
    /// </summary>
    public ItemContent WithFilesOf(ItemContent? earlier) =>
        earlier is null
            ? this
            : this with
            {
                Materials = Materials
                    .Select(m => earlier.Materials.FirstOrDefault(e => e.Name == m.Name) is { } e && m.Template is null && m.Sample is null ? m with { Template = e.Template, Sample = e.Sample } : m)
                    .ToList(),
            };
}

public sealed record ItemCondition(string Text, string? LegalBasis);

/// <summary>A material to bring; <see cref="Template"/> and <see cref="Sample"/> name downloadable files (空白模板, 填写样本).</summary>
/// <param name="Files">What files it accepts; null for <see cref="MaterialFileRule.Platform"/>.</param>
public sealed record ItemMaterial(string Name, MaterialForm Form, int Copies, bool Required, string? Condition, Guid? Template = null, Guid? Sample = null, MaterialFileRule? Files = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public MaterialFileRule FileRule => Files ?? MaterialFileRule.Platform;
}

public sealed record ItemStep(string Name, int LimitDays, string? Description);

public sealed record ItemFee(string Name, string Amount, string? Basis);
