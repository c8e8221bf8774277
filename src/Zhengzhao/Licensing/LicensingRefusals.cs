using Zhengzhao.Common;

namespace Zhengzhao.Licensing;

/// <summary>The refusals Licensing's use cases share, each built once so the page and the API tell them the same way.</summary>
internal static class LicensingRefusals
{
    // Review

    /// <summary>The type of every refusal of a text over its limit on the review desk.</summary>
    public const string TextTooLong = "licensing/text-too-long";

    public static Refusal ApplicationNotFound() =>
        new("licensing/application-not-found", "申请不存在", "没有这件申请，或您无权查看。", RefusalKind.NotFound);

    public static Refusal ChangedMeanwhile(ApplicationState current) =>
        new("licensing/changed", "申请已被他人处理", $"这件申请刚刚已被处理，当前为“{ApplicationStates.Name(current)}”，请刷新后再办理。", RefusalKind.Conflict);

    public static Refusal NotDepartmentHead(string what) =>
        new("licensing/not-department-head", "须由部门负责人办理", $"{what}须由本部门负责人办理；部门负责人由部门管理员在账户中指定。", RefusalKind.Forbidden);

    public static Refusal TooManySupplementItems(int max) =>
        new(TextTooLong, "内容过长", $"补正告知不超过 {max} 项。") { Errors = new Dictionary<string, string[]> { ["items"] = [$"补正告知不超过 {max} 项。"] } };
}
