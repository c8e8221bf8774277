using Zhengzhao.Common;

namespace Zhengzhao.Catalog;

/// <summary>The refusals of the catalogue's use cases and of its item aggregate, each worded once.</summary>
internal static class CatalogRefusals
{
    public static Refusal NotFound(string code) =>
        new("catalog/item-not-found", "事项不存在", $"没有编码为“{code}”的事项。", RefusalKind.NotFound);

    /// <summary>The public guide asks for a published version, so an item that is only a draft is not found either.</summary>
    public static Refusal NotPublished(string code, int? version) =>
        new("catalog/item-not-found", "事项不存在", $"没有编码为“{code}”{(version is null ? string.Empty : $"第 {version} 版")}的已发布事项。", RefusalKind.NotFound);

    public static Refusal VersionNotFound(string code, int number) =>
        new("catalog/version-not-found", "版本不存在", $"事项“{code}”没有第 {number} 版。", RefusalKind.NotFound);

    public static Refusal Retired(string code) =>
        new("catalog/item-retired", "事项已废止", $"事项 {code} 已废止，不能再修改或发布。", RefusalKind.Conflict);

    public static Refusal NoDraft(string code) =>
        new("catalog/no-draft", "没有待发布的版本", $"事项 {code} 没有草稿版本，请先编辑保存。", RefusalKind.Conflict);

    public static Refusal Incomplete(IReadOnlyList<ItemProblem> problems) =>
        new("catalog/invalid-item", "事项内容不完整", string.Join("；", problems.Select(p => $"{p.Field}：{p.Reason}")))
        {
            Errors = problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Reason).ToArray()),
        };

    public static Refusal ValidFromNotAfter(ItemVersion previous) =>
        new("catalog/invalid-validity", "生效日期无效", $"新版本的生效日期须晚于第 {previous.Number} 版的生效日期 {previous.ValidFrom:yyyy-MM-dd}。");

    public static Refusal NeverPublished(string code) =>
        new("catalog/never-published", "事项尚未发布", $"事项 {code} 从未发布，无需废止；不再需要的草稿可直接修改。", RefusalKind.Conflict);

    public static Refusal DuplicateCode(string code) =>
        new("catalog/duplicate-code", "事项编码已存在", $"事项编码 {code} 已被使用，请换一个编码，或到该事项的编辑页面修改。", RefusalKind.Conflict);

    public static Refusal KindMismatch(string code, CatalogKind actual, CatalogKind asked) =>
        new("catalog/kind-mismatch", "目录不符", $"事项 {code} 属于{CatalogTerms.Name(actual)}，不能作为{CatalogTerms.Name(asked)}保存。", RefusalKind.Conflict);

    public static Refusal InvalidFile(string reason) =>
        new("catalog/invalid-file", "文件无效", reason);

    /// <summary>Only a name that could be a material's is named back.</summary>
    public static Refusal MaterialNotFound(string code, string materialName)
    {
        var named = materialName.Length <= TextLimits.Address ? $"名为“{materialName}”的" : "这项";
        return new("catalog/material-not-found", "材料不存在", $"事项 {code} 没有{named}材料。", RefusalKind.NotFound);
    }

    public static Refusal DuplicateRollout() =>
        new("catalog/duplicate-rollout", "计划重复", "推广计划中已有相同的一行。", RefusalKind.Conflict);

    public static Refusal RolloutNotFound() =>
        new("catalog/rollout-not-found", "计划行不存在", "该推广计划行不存在或已删除。", RefusalKind.NotFound);

    public static Refusal ConcurrentChange() =>
        new("catalog/concurrent-change", "事项已被修改", "该事项刚刚被他人（或重复提交）修改，本次操作未保存。请刷新页面后再试。", RefusalKind.Conflict);
}
