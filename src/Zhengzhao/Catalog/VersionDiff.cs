using Zhengzhao.Registry;

namespace Zhengzhao.Catalog;

/// <summary>One field that differs between two versions, as the reform office reads it.</summary>
public sealed record FieldChange(string Field, string Before, string After);

/// <summary>The differences between two contents, field by field, in the words of the service guide.</summary>
public static class VersionDiff
{
    private static readonly (string Field, Func<ItemContent, string> Read)[] Fields =
    [
        ("事项名称", c => c.Name),
        ("审批部门", c => c.DepartmentCode),
        ("行业主管部门", c => c.IndustryAuthorityCode ?? string.Empty),
        ("审批层级", c => CatalogTerms.Name(c.Level)),
        ("设定依据", c => c.LegalBasis),
        ("改革方式", c => CatalogTerms.Name(c.Mode)),
        ("具体改革举措", c => c.ReformMeasures),
        ("加强事中事后监管措施", c => c.SupervisionMeasures),
        ("申请条件", c => Lines(c.Conditions.Select(x => x.LegalBasis is null ? x.Text : $"{x.Text}（{x.LegalBasis}）"))),
        ("申请材料", c => Lines(c.Materials.Select(m => $"{m.Name}，{CatalogTerms.Name(m.Form)}{m.Copies}份，{(m.Required ? "必要" : "视情况：" + m.Condition)}{(m.Files is { } files ? $"，{files.Describe()}" : string.Empty)}{FileNote("模板", m.Template)}{FileNote("样本", m.Sample)}"))),
        ("办理环节", c => Lines(c.Steps.Select(s => $"{s.Name}（{s.LimitDays}个工作日）"))),
        ("法定时限", c => $"{c.StatutoryLimitDays} 个工作日"),
        ("承诺时限", c => $"{c.CommittedLimitDays} 个工作日"),
        ("延长", c => c.ExtensionAllowed ? $"可延长 {c.ExtensionDays} 个工作日" : "不可延长"),
        ("计时暂停", c => string.Join("、", new[] { c.PauseForSupplement ? "补正" : null, c.PauseForTesting ? "检验检测" : null, c.PauseForExpertReview ? "专家评审" : null }.OfType<string>())),
        ("收费", c => c.Fees.Count == 0 ? "不收费" : Lines(c.Fees.Select(f => $"{f.Name}：{f.Amount}"))),
        ("办理方式", c => CatalogTerms.Name(c.Channel)),
        ("办理地点", c => c.ServiceLocation),
        ("办理时间", c => c.ServiceHours),
        ("许可证件名称", c => c.PermitName ?? string.Empty),
        ("有效期", c => c.PermitValidityYears is { } years ? $"{years} 年" : "长期"),
        ("延续申请期", c => $"届满前 {c.RenewalWindowDays} 日"),
        ("核查期", c => c.VerificationWindowDays is { } days ? $"{days} 个工作日" : string.Empty),
        ("备案核查比例", c => c.Mode == ReformMode.Filing ? $"{c.FilingCheckPercent}%" : string.Empty),
        ("告知承诺书", c => c.CommitmentLetterText ?? string.Empty),
        ("风险等级", c => CatalogTerms.Name(c.RiskLevel)),
        ("经营范围关键词", c => string.Join("、", c.ScopePhrases)),
        ("适用企业类型", c => c.EnterpriseTypes.Count == 0 ? "全部" : string.Join("、", c.EnterpriseTypes.Select(EnterpriseTypes.Name))),
    ];

    public static IReadOnlyList<FieldChange> Between(ItemContent before, ItemContent after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Fields
            .Select(f => new FieldChange(f.Field, f.Read(before), f.Read(after)))
            .Where(c => !string.Equals(c.Before, c.After, StringComparison.Ordinal))
            .ToList();
    }

    private static string Lines(IEnumerable<string> lines) => string.Join("\n", lines);

    private static string FileNote(string what, Guid? file) => file is { } id ? $"，{what} {id.ToString()[..8]}" : string.Empty;
}
