using System.Globalization;

namespace Zhengzhao.Catalog;

/// <summary>
/// The one-line-per-entry text form of an item's lists, shared by the edit form and the spreadsheet columns:
/// fields separated by '|', e.g. a material "营业执照|复印件|1|必要" or "授权委托书|原件|1|委托他人办理的", with the files it
/// accepts after these when they are narrower than the platform's: "免冠照片|原件|1|必要|JPG|2" (kinds, then megabytes).
/// Parsing reports each bad line with its number; formatting is the exact inverse.
/// </summary>
public static class ItemText
{
    private const char Separator = '|';

    public static string Format(IEnumerable<ItemCondition> conditions) =>
        Lines(conditions.Select(c => c.LegalBasis is null ? c.Text : $"{c.Text}{Separator}{c.LegalBasis}"));

    public static string Format(IEnumerable<ItemMaterial> materials) =>
        Lines(materials.Select(m => string.Join(Separator, [
            m.Name, CatalogTerms.Name(m.Form), m.Copies.ToString(CultureInfo.InvariantCulture), m.Required ? "必要" : m.Condition,
            .. m.Files is { } files ? [string.Join("、", files.Kinds.Select(MaterialFileRule.Name)), files.MaxMegabytes.ToString(CultureInfo.InvariantCulture)] : Array.Empty<string>()])));

    public static string Format(IEnumerable<ItemStep> steps) =>
        Lines(steps.Select(s => s.Description is null ? $"{s.Name}{Separator}{s.LimitDays}" : $"{s.Name}{Separator}{s.LimitDays}{Separator}{s.Description}"));

    public static string Format(IEnumerable<ItemFee> fees) =>
        Lines(fees.Select(f => f.Basis is null ? $"{f.Name}{Separator}{f.Amount}" : $"{f.Name}{Separator}{f.Amount}{Separator}{f.Basis}"));

    public static string FormatPhrases(IEnumerable<string> phrases) => string.Join("、", phrases);

    public static ParsedList<ItemCondition> ParseConditions(string? text) => Parse(text, "申请条件", parts =>
        parts.Length <= 2 && parts[0].Length > 0 ? new ItemCondition(parts[0], Optional(parts, 1)) : null, "写法：条件|依据（依据可省略）");

    public static ParsedList<ItemMaterial> ParseMaterials(string? text) => Parse(text, "申请材料", parts =>
    {
        if (parts.Length is not (4 or 6) || parts[0].Length == 0 || FormOf(parts[1]) is not { } form
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var copies) || parts[3].Length == 0)
        {
            return null;
        }

        var files = parts.Length == 6 ? FilesOf(parts[4], parts[5]) : null;
        if (parts.Length == 6 && files is null)
        {
            return null;
        }

        var required = parts[3] == "必要";
        return new ItemMaterial(parts[0], form, copies, required, required ? null : parts[3], Files: files);
    }, $"写法：名称|原件或复印件或原件和复印件|份数|必要（或写明需要提交的情形），可再加 |文件类型（PDF、JPG、PNG，以顿号分隔）|大小上限（1–{MaterialFileRule.PlatformMaxMegabytes} MB）");

    public static ParsedList<ItemStep> ParseSteps(string? text) => Parse(text, "办理环节", parts =>
        parts.Length is 2 or 3 && parts[0].Length > 0 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            ? new ItemStep(parts[0], days, Optional(parts, 2))
            : null, "写法：环节名称|时限（工作日）|说明（可省略）");

    public static ParsedList<ItemFee> ParseFees(string? text) => Parse(text, "收费", parts =>
        parts.Length is 2 or 3 && parts[0].Length > 0 && parts[1].Length > 0 ? new ItemFee(parts[0], parts[1], Optional(parts, 2)) : null, "写法：收费项目|标准|依据（依据可省略）");

    public static IReadOnlyList<string> ParsePhrases(string? text) =>
        (text ?? string.Empty).Split(['、', ',', '，', ';', '；', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static ParsedList<T> Parse<T>(string? text, string field, Func<string[], T?> read, string hint)
        where T : class
    {
        var items = new List<T>();
        var problems = new List<ItemProblem>();
        var lines = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var parts = lines[i].Replace('｜', Separator).Split(Separator).Select(p => p.Trim()).ToArray();
            if (read(parts) is { } item)
            {
                items.Add(item);
            }
            else
            {
                problems.Add(new ItemProblem(field, $"第{i + 1}行“{lines[i].Trim()}”无法识别。{hint}"));
            }
        }

        return new ParsedList<T>(items, problems);
    }

    private static MaterialForm? FormOf(string text) => text switch
    {
        "原件" => MaterialForm.Original,
        "复印件" => MaterialForm.Copy,
        "原件和复印件" => MaterialForm.OriginalAndCopy,
        _ => null,
    };

    /// <summary>Named kinds (at least one, each known) and a whole number of megabytes within the platform's limit.</summary>
    private static MaterialFileRule? FilesOf(string kindsText, string megabytesText)
    {
        var kinds = ParsePhrases(kindsText.Replace('/', '、')).Select(MaterialFileRule.KindNamed).ToList();
        return kinds.Count > 0 && kinds.All(k => k is not null)
            && int.TryParse(megabytesText, NumberStyles.None, CultureInfo.InvariantCulture, out var megabytes) && megabytes is >= 1 and <= MaterialFileRule.PlatformMaxMegabytes
            ? new MaterialFileRule([.. kinds.Select(k => k!.Value)], megabytes)
            : null;
    }

    private static string? Optional(string[] parts, int index) => parts.Length > index && parts[index].Length > 0 ? parts[index] : null;

    private static string Lines(IEnumerable<string?> lines) => string.Join("\n", lines);
}

public sealed record ParsedList<T>(IReadOnlyList<T> Items, IReadOnlyList<ItemProblem> Problems);
