using Zhengzhao.Common;

namespace Zhengzhao.Catalog;

/// <summary>One thing wrong with an item's content: the field (as the forms and spreadsheets name it) and why.</summary>
public sealed record ItemProblem(string Field, string Reason);

/// <summary>What makes an item's content publishable. Pure: the department's existence is checked by the use cases.</summary>
public static class ItemRules
{
    public const int MaxLimitDays = 365;

    /// <summary>The most conditions, materials, steps, fees or scope phrases one item lists.</summary>
    public const int MaxEntries = 100;

    public const int MaxStepNameLength = 50;

    public const int MaxPhraseLength = 20;

    public static IReadOnlyList<ItemProblem> Validate(ItemContent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var problems = new List<ItemProblem>();
        void Check(bool ok, string field, string reason)
        {
            if (!ok)
            {
                problems.Add(new ItemProblem(field, reason));
            }
        }

        Check(Filled(item.Name), "事项名称", "请填写事项名称。");
        Check(Filled(item.DepartmentCode), "审批部门", "请填写审批部门。");
        Check(item.IndustryAuthorityCode is null || (Filled(item.IndustryAuthorityCode) && item.IndustryAuthorityCode != item.DepartmentCode), "行业主管部门", "行业主管部门与审批部门相同时请留空（审批部门自行跟踪）。");
        Check(Filled(item.LegalBasis), "设定依据", "请填写设定依据。");
        Check(Enum.IsDefined(item.Mode), "改革方式", "改革方式应为备案、告知承诺、提高透明度或加强准入管理之一。");
        Check(Enum.IsDefined(item.Level), "审批层级", "审批层级应为自治区、地市或县。");
        Check(Enum.IsDefined(item.Channel), "办理方式", "办理方式应为网上办理、窗口办理或网上或窗口办理。");
        Check(Enum.IsDefined(item.RiskLevel), "风险等级", "风险等级应为低、中或高。");
        Check(item.EnterpriseTypes.All(Enum.IsDefined), "适用企业类型", "适用企业类型无法识别。");
        Check(item.StatutoryLimitDays is >= 0 and <= MaxLimitDays, "法定时限", $"法定时限应在 0 至 {MaxLimitDays} 个工作日之间。");
        Check(item.CommittedLimitDays >= 0, "承诺时限", "承诺时限不能为负数。");
        Check(item.CommittedLimitDays <= item.StatutoryLimitDays, "承诺时限", $"承诺时限（{item.CommittedLimitDays} 个工作日）不能超过法定时限（{item.StatutoryLimitDays} 个工作日）。");
        Check(item.ExtensionAllowed ? item.ExtensionDays is > 0 and <= 30 : item.ExtensionDays == 0, "延长时限", item.ExtensionAllowed ? "允许延长时，延长天数应在 1 至 30 个工作日之间。" : "不允许延长时，延长天数应为 0。");
        Check(item.Conditions.Count > 0 || item.Mode == ReformMode.Filing, "申请条件", "请至少列出一项申请条件。");
        Check(item.Conditions.All(c => Filled(c.Text)), "申请条件", "每项申请条件都应写明。");
        Check(item.Materials.Count > 0, "申请材料", "请至少列出一项申请材料。");
        Check(item.Materials.All(m => Filled(m.Name)), "申请材料", "每项材料都应有名称。");
        Check(item.Materials.All(m => m.Copies is >= 1 and <= 20), "申请材料", "材料份数应在 1 至 20 份之间。");
        Check(item.Materials.All(m => m.Required || !string.IsNullOrWhiteSpace(m.Condition)), "申请材料", "非必要材料须写明在什么情况下需要提交。");
        Check(item.Materials.Select(m => m.Name).Distinct().Count() == item.Materials.Count, "申请材料", "材料名称不能重复。");
        Check(item.Steps.All(s => Filled(s.Name) && s.LimitDays >= 0), "办理环节", "每个环节都应有名称和不为负数的时限。");
        Check(item.Fees.All(f => Filled(f.Name) && Filled(f.Amount)), "收费", "每项收费都应写明名称和标准。");
        Check(item.ScopePhrases.All(p => p.Trim().Length is >= 2 and <= MaxPhraseLength), "经营范围关键词", $"经营范围关键词每个应为2至{MaxPhraseLength}个字。");
        Check(item.PermitValidityYears is null or (>= 1 and <= 50), "有效期", "有效期应为 1 至 50 年，长期有效请留空。");
        Check(item.RenewalWindowDays is >= 1 and <= 365, "延续申请期", "延续申请期应为有效期届满前 1 至 365 日。");

        switch (item.Mode)
        {
            case ReformMode.Transparent or ReformMode.StrictAccess:
                Check(item.Steps.Count >= 2, "办理环节", "提高透明度和加强准入管理的事项须公开各办理环节及其时限。");
                Check(item.Steps.Sum(s => s.LimitDays) <= item.CommittedLimitDays, "办理环节", $"各环节时限之和（{item.Steps.Sum(s => s.LimitDays)} 个工作日）不能超过承诺时限（{item.CommittedLimitDays} 个工作日）。");
                break;
            case ReformMode.Commitment:
                Check(Filled(item.CommitmentLetterText), "告知承诺书", "告知承诺制事项须提供告知承诺书范本。");
                Check(item.VerificationWindowDays is >= 1 and <= 90, "核查期", "告知承诺制事项须设定核查期（1 至 90 个工作日）。");
                break;
            case ReformMode.Filing:
                Check(item.CommittedLimitDays == 0, "承诺时限", "备案事项当场办结，承诺时限应为 0。");
                Check(item.VerificationWindowDays is null or (>= 1 and <= 90), "核查期", "备案后核查期应为 1 至 90 个工作日，留空为 20 个工作日。");
                Check(item.FilingCheckPercent is >= 1 and <= 100, "备案核查比例", "备案后核查比例应为 1% 至 100%（100% 为全部核查）。");
                break;
        }

        if (item.Mode != ReformMode.Commitment)
        {
            Check(item.CommitmentLetterText is null, "告知承诺书", "只有告知承诺制事项才有告知承诺书。");
        }

        if (item.Mode is not (ReformMode.Commitment or ReformMode.Filing))
        {
            Check(item.VerificationWindowDays is null, "核查期", "只有告知承诺制和备案事项才有核查期。");
        }

        foreach (var (field, label, count) in Lists(item))
        {
            Check(count <= MaxEntries, field, $"{label}不超过{MaxEntries}项（现为{count}项）。");
        }

        // One problem a field: an item with fifty over-long conditions needs the first named, not fifty lines.
        foreach (var text in Texts(item))
        {
            if (text.Value is not null && problems.All(p => p.Field != text.Field) && TextLimits.Problem(text.Value.Trim(), text.Max, text.Label, text.Kind) is { } problem)
            {
                problems.Add(new ItemProblem(text.Field, problem));
            }
        }

        return problems;
    }

    /// <summary>Why a text cannot be an item code, or null: 2 to 30 letters, digits or hyphens.</summary>
    public static string? CodeProblem(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Length is >= 2 and <= 30 && code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? null : "事项编码应为2至30位英文字母、数字或连字符。";
    }

    private static bool Filled(string? value) => !string.IsNullOrWhiteSpace(value);

    private static IEnumerable<(string Field, string Label, int Count)> Lists(ItemContent item) =>
    [
        ("申请条件", "申请条件", item.Conditions.Count),
        ("申请材料", "申请材料", item.Materials.Count),
        ("办理环节", "办理环节", item.Steps.Count),
        ("收费", "收费项目", item.Fees.Count),
        ("经营范围关键词", "经营范围关键词", item.ScopePhrases.Count),
    ];

    /// <summary>Every text of the content, under the field the forms and spreadsheets name, with its limit.</summary>
    private static IEnumerable<ItemTextField> Texts(ItemContent item) =>
    [
        new("事项名称", item.Name, TextLimits.Name, "事项名称"),
        new("审批部门", item.DepartmentCode, TextLimits.DepartmentCode, "审批部门代码"),
        new("行业主管部门", item.IndustryAuthorityCode, TextLimits.DepartmentCode, "行业主管部门代码"),
        new("设定依据", item.LegalBasis, TextLimits.Statement, "设定依据", TextKind.Paragraph),
        new("具体改革举措", item.ReformMeasures, TextLimits.Statement, "具体改革举措", TextKind.Paragraph),
        new("加强事中事后监管措施", item.SupervisionMeasures, TextLimits.Statement, "加强事中事后监管措施", TextKind.Paragraph),
        new("办理地点", item.ServiceLocation, TextLimits.Address, "办理地点", TextKind.Paragraph),
        new("办理时间", item.ServiceHours, TextLimits.Address, "办理时间", TextKind.Paragraph),
        new("许可证件名称", item.PermitName, TextLimits.Name, "许可证件名称"),
        new("告知承诺书", item.CommitmentLetterText, TextLimits.Document, "告知承诺书", TextKind.Paragraph),
        .. item.Conditions.SelectMany(c => new ItemTextField[] { new("申请条件", c.Text, TextLimits.Remark, "每项申请条件", TextKind.Paragraph), new("申请条件", c.LegalBasis, TextLimits.Remark, "申请条件的依据", TextKind.Paragraph) }),
        .. item.Materials.SelectMany(m => new ItemTextField[] { new("申请材料", m.Name, TextLimits.Address, "材料名称"), new("申请材料", m.Condition, TextLimits.Remark, "材料的提交情形", TextKind.Paragraph) }),
        .. item.Steps.SelectMany(s => new ItemTextField[] { new("办理环节", s.Name, MaxStepNameLength, "环节名称"), new("办理环节", s.Description, TextLimits.Remark, "环节说明", TextKind.Paragraph) }),
        .. item.Fees.SelectMany(f => new ItemTextField[] { new("收费", f.Name, TextLimits.Name, "收费项目"), new("收费", f.Amount, TextLimits.Name, "收费标准"), new("收费", f.Basis, TextLimits.Remark, "收费依据", TextKind.Paragraph) }),
        .. item.ScopePhrases.Select(p => new ItemTextField("经营范围关键词", p, MaxPhraseLength, "经营范围关键词")),
    ];

    private sealed record ItemTextField(string Field, string? Value, int Max, string Label, TextKind Kind = TextKind.Line);
}
