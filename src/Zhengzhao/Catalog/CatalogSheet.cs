using System.Globalization;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;
using Zhengzhao.Registry;

namespace Zhengzhao.Catalog;

/// <summary>A problem in an uploaded spreadsheet, located as a person finds it in Excel.</summary>
public sealed record SheetProblem(string Sheet, int Row, string Column, string Reason);

/// <summary>One readable row of the catalogue sheet.</summary>
public sealed record SheetItem(int Row, string Code, CatalogKind Kind, ItemContent Content, DateOnly? ValidFrom);

/// <summary>
/// The catalogue as one spreadsheet row per item: the published layout first (序号, 事项名称, 审批部门, 设定依据,
/// 改革方式, 具体改革举措, 加强事中事后监管措施), then the platform's further columns. Lists are one entry per
/// line inside a cell, written as <see cref="ItemText"/> writes them. Pure: no file handling here.
/// </summary>
public static class CatalogSheet
{
    public const string SheetName = "事项目录";

    public static readonly IReadOnlyList<string> Columns =
    [
        "序号", "事项名称", "审批部门", "设定依据", "改革方式", "具体改革举措", "加强事中事后监管措施",
        "事项编码", "目录", "审批层级", "申请条件", "申请材料", "办理环节", "法定时限", "承诺时限", "可延长天数",
        "补正暂停计时", "检验检测暂停计时", "专家评审暂停计时", "收费", "办理方式", "办理地点", "办理时间",
        "许可证件名称", "有效期（年）", "延续申请期（日）", "核查期（工作日）", "备案核查比例（%）", "告知承诺书", "风险等级", "经营范围关键词", "适用企业类型", "行业主管部门", "生效日期",
    ];

    private static readonly string[] Required = ["事项名称", "审批部门", "设定依据", "改革方式", "事项编码"];

    /// <summary>
    /// The longest text a cell may hold, by column: the item rules' own limits where a cell is one field, room for
    /// every entry where a cell is a list; any other column holds a name or a short value.
    /// </summary>
    private static readonly Dictionary<string, int> MaxLengths = new()
    {
        ["设定依据"] = 2000,
        ["具体改革举措"] = 2000,
        ["加强事中事后监管措施"] = 2000,
        ["申请条件"] = 10000,
        ["申请材料"] = 10000,
        ["办理环节"] = 5000,
        ["收费"] = 5000,
        ["告知承诺书"] = 10000,
        ["经营范围关键词"] = 2000,
    };

    private const int MaxShortLength = 200;

    /// <summary>
    /// The columns the catalogue keeps as written, which are never a formula nor hold control characters (the law
    /// names an item in words); the other columns are codes, names of departments and terms, numbers, flags and
    /// dates, which their own rules refuse when they hold either.
    /// </summary>
    private static readonly HashSet<string> TextColumns =
    [
        "事项名称", "设定依据", "具体改革举措", "加强事中事后监管措施", "申请条件", "申请材料", "办理环节", "收费", "办理地点", "办理时间",
        "许可证件名称", "告知承诺书", "经营范围关键词",
    ];

    /// <summary>The longest text a column's cell may hold.</summary>
    public static int MaxLength(string column) => MaxLengths.GetValueOrDefault(column, MaxShortLength);

    public static IReadOnlyDictionary<string, string> ToRow(int sequence, string code, CatalogKind kind, ItemContent c, IReadOnlyDictionary<string, string> departmentNames, DateOnly? validFrom) =>
        new Dictionary<string, string>
        {
            ["序号"] = sequence.ToString(CultureInfo.InvariantCulture),
            ["事项名称"] = c.Name,
            ["审批部门"] = departmentNames.GetValueOrDefault(c.DepartmentCode, c.DepartmentCode),
            ["设定依据"] = c.LegalBasis,
            ["改革方式"] = CatalogTerms.Name(c.Mode),
            ["具体改革举措"] = c.ReformMeasures,
            ["加强事中事后监管措施"] = c.SupervisionMeasures,
            ["事项编码"] = code,
            ["目录"] = CatalogTerms.Name(kind),
            ["审批层级"] = CatalogTerms.Name(c.Level),
            ["申请条件"] = ItemText.Format(c.Conditions),
            ["申请材料"] = ItemText.Format(c.Materials),
            ["办理环节"] = ItemText.Format(c.Steps),
            ["法定时限"] = c.StatutoryLimitDays.ToString(CultureInfo.InvariantCulture),
            ["承诺时限"] = c.CommittedLimitDays.ToString(CultureInfo.InvariantCulture),
            ["可延长天数"] = c.ExtensionAllowed ? c.ExtensionDays.ToString(CultureInfo.InvariantCulture) : "0",
            ["补正暂停计时"] = YesNo(c.PauseForSupplement),
            ["检验检测暂停计时"] = YesNo(c.PauseForTesting),
            ["专家评审暂停计时"] = YesNo(c.PauseForExpertReview),
            ["收费"] = ItemText.Format(c.Fees),
            ["办理方式"] = CatalogTerms.Name(c.Channel),
            ["办理地点"] = c.ServiceLocation,
            ["办理时间"] = c.ServiceHours,
            ["许可证件名称"] = c.PermitName ?? string.Empty,
            ["有效期（年）"] = c.PermitValidityYears?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            ["延续申请期（日）"] = c.RenewalWindowDays.ToString(CultureInfo.InvariantCulture),
            ["核查期（工作日）"] = c.VerificationWindowDays?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            ["备案核查比例（%）"] = c.Mode == ReformMode.Filing ? c.FilingCheckPercent.ToString(CultureInfo.InvariantCulture) : string.Empty,
            ["告知承诺书"] = c.CommitmentLetterText ?? string.Empty,
            ["风险等级"] = CatalogTerms.Name(c.RiskLevel),
            ["经营范围关键词"] = ItemText.FormatPhrases(c.ScopePhrases),
            ["适用企业类型"] = string.Join("、", c.EnterpriseTypes.Select(EnterpriseTypes.Name)),
            ["行业主管部门"] = c.IndustryAuthorityCode is { } authority ? departmentNames.GetValueOrDefault(authority, authority) : string.Empty,
            ["生效日期"] = validFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
        };

    /// <summary>The columns missing from a header row, so a wrong file is refused before its rows are read.</summary>
    public static IReadOnlyList<SheetProblem> CheckHeader(IReadOnlyCollection<string> header, string sheet) =>
    [
        .. Required.Where(c => !header.Contains(c)).Select(c => new SheetProblem(sheet, 1, c, $"缺少“{c}”列。")),
        .. header.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => new SheetProblem(sheet, 1, g.Key, $"“{g.Key}”列重复出现。")),
    ];

    /// <summary>Reads one row; every problem of the row is reported, not only the first.</summary>
    public static (SheetItem? Item, IReadOnlyList<SheetProblem> Problems) ReadRow(string sheet, int row, IReadOnlyDictionary<string, string> cells, IReadOnlyCollection<Department> departments)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(departments);
        var problems = new List<SheetProblem>();
        string Cell(string column) => cells.TryGetValue(column, out var value) ? value.Trim() : string.Empty;
        void Problem(string column, string reason) => problems.Add(new SheetProblem(sheet, row, column, reason));

        T? Pick<T>(string column, IEnumerable<T> values, Func<T, string[]> names, T? fallback, string allowed)
            where T : struct
        {
            var text = Cell(column);
            if (text.Length == 0)
            {
                return fallback;
            }

            foreach (var value in values)
            {
                if (names(value).Contains(text, StringComparer.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            Problem(column, $"“{text}”无法识别，应为{allowed}。");
            return null;
        }

        int? Number(string column, int? fallback)
        {
            var text = Cell(column);
            if (text.Length == 0)
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            Problem(column, $"“{text}”不是非负整数。");
            return null;
        }

        bool Flag(string column, bool fallback) => Cell(column) switch
        {
            "" => fallback,
            "是" or "Y" or "y" or "true" => true,
            "否" or "N" or "n" or "false" => false,
            var other => Fail(column, other),
        };

        bool Fail(string column, string text)
        {
            Problem(column, $"“{text}”应为“是”或“否”。");
            return false;
        }

        foreach (var column in Columns)
        {
            var text = Cell(column);
            if (text.Length > MaxLength(column))
            {
                Problem(column, $"“{column}”不能超过 {MaxLength(column)} 字，现为 {text.Length} 字。");
            }
            else if (TextColumns.Contains(column) && SheetText.Problem(column, text) is { } textProblem)
            {
                Problem(column, textProblem);
            }
        }

        foreach (var column in Required.Where(c => Cell(c).Length == 0))
        {
            Problem(column, $"“{column}”不能为空。");
        }

        if (Cell("事项编码") is { Length: > 0 } codeText && ItemRules.CodeProblem(codeText) is { } codeProblem)
        {
            Problem("事项编码", codeProblem);
        }

        Department? FindDepartment(string column)
        {
            var text = Cell(column);
            var found = departments.FirstOrDefault(d => d.Code == text || d.Name == text || d.ShortName == text);
            if (text.Length > 0 && found is null)
            {
                Problem(column, $"部门“{text}”不存在，请填写部门名称、简称或代码。");
            }

            return found;
        }

        var department = FindDepartment("审批部门");
        var industryAuthority = FindDepartment("行业主管部门");

        var mode = Pick("改革方式", CatalogTerms.Modes, m => [CatalogTerms.Name(m), CatalogTerms.ShortName(m), m.ToString()], null, "四种改革方式之一");
        var kind = Pick("目录", Enum.GetValues<CatalogKind>(), k => [CatalogTerms.Name(k), k.ToString()], CatalogKind.Official, "“官方目录”或“示例”");
        var level = Pick("审批层级", Enum.GetValues<ApprovalLevel>(), l => [CatalogTerms.Name(l), l.ToString()], ApprovalLevel.Province, "自治区、地市或县");
        var channel = Pick("办理方式", Enum.GetValues<HandlingChannel>(), h => [CatalogTerms.Name(h), h.ToString()], HandlingChannel.OnlineOrOnSite, "网上办理、窗口办理或网上或窗口办理");
        var risk = Pick("风险等级", Enum.GetValues<RiskLevel>(), r => [CatalogTerms.Name(r), r.ToString()], RiskLevel.Medium, "低、中或高");
        var statutory = Number("法定时限", 20);
        var committed = Number("承诺时限", statutory);
        var extension = Number("可延长天数", 0);
        var validity = Number("有效期（年）", null);
        var window = Number("核查期（工作日）", null);
        var renewalWindow = Number("延续申请期（日）", ItemContent.DefaultRenewalWindowDays);
        var checkPercent = Number("备案核查比例（%）", 100);
        var types = new List<EnterpriseType>();
        foreach (var text in ItemText.ParsePhrases(Cell("适用企业类型")))
        {
            var type = Enum.GetValues<EnterpriseType>().Cast<EnterpriseType?>().FirstOrDefault(t => EnterpriseTypes.Name(t!.Value) == text || t.ToString() == text);
            if (type is null)
            {
                Problem("适用企业类型", $"“{text}”无法识别，应为内资企业、外商投资企业、个体工商户或农民专业合作社。");
            }
            else
            {
                types.Add(type.Value);
            }
        }

        DateOnly? validFrom = null;
        if (Cell("生效日期") is { Length: > 0 } dateText)
        {
            if (DateOnly.TryParseExact(dateText, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                validFrom = date;
            }
            else
            {
                Problem("生效日期", $"“{dateText}”不是有效日期（yyyy-MM-dd）。");
            }
        }

        var conditions = ItemText.ParseConditions(Cell("申请条件"));
        var materials = ItemText.ParseMaterials(Cell("申请材料"));
        var steps = ItemText.ParseSteps(Cell("办理环节"));
        var fees = ItemText.ParseFees(Cell("收费"));
        problems.AddRange(new[] { conditions.Problems, materials.Problems, steps.Problems, fees.Problems }.SelectMany(p => p).Select(p => new SheetProblem(sheet, row, p.Field, p.Reason)));

        var pauseForSupplement = Flag("补正暂停计时", true);
        var pauseForTesting = Flag("检验检测暂停计时", false);
        var pauseForExpertReview = Flag("专家评审暂停计时", false);
        if (problems.Count > 0 || mode is null || department is null)
        {
            return (null, problems);
        }

        var content = new ItemContent
        {
            Name = Cell("事项名称"),
            DepartmentCode = department.Code,
            IndustryAuthorityCode = industryAuthority?.Code,
            Level = level!.Value,
            LegalBasis = Cell("设定依据"),
            Mode = mode.Value,
            ReformMeasures = Cell("具体改革举措"),
            SupervisionMeasures = Cell("加强事中事后监管措施"),
            Conditions = conditions.Items,
            Materials = materials.Items,
            Steps = steps.Items,
            StatutoryLimitDays = statutory!.Value,
            CommittedLimitDays = committed!.Value,
            ExtensionAllowed = extension > 0,
            ExtensionDays = extension!.Value,
            PauseForSupplement = pauseForSupplement,
            PauseForTesting = pauseForTesting,
            PauseForExpertReview = pauseForExpertReview,
            Fees = fees.Items,
            Channel = channel!.Value,
            ServiceLocation = Cell("办理地点"),
            ServiceHours = Cell("办理时间"),
            PermitName = Cell("许可证件名称") is { Length: > 0 } permit ? permit : null,
            PermitValidityYears = validity,
            RenewalWindowDays = renewalWindow!.Value,
            VerificationWindowDays = window,
            FilingCheckPercent = checkPercent!.Value,
            CommitmentLetterText = Cell("告知承诺书") is { Length: > 0 } letter ? letter.Replace("\r\n", "\n", StringComparison.Ordinal) : null,
            RiskLevel = risk!.Value,
            ScopePhrases = ItemText.ParsePhrases(Cell("经营范围关键词")),
            EnterpriseTypes = types,
        };
        problems.AddRange(ItemRules.Validate(content).Select(p => new SheetProblem(sheet, row, p.Field, p.Reason)));
        return problems.Count > 0 ? (null, problems) : (new SheetItem(row, Cell("事项编码").ToUpperInvariant(), kind!.Value, content, validFrom), problems);
    }

    private static string YesNo(bool value) => value ? "是" : "否";
}
