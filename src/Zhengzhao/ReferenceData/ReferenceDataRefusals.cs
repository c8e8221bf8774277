using Zhengzhao.Common;

namespace Zhengzhao.ReferenceData;

/// <summary>The refusals of editing regions and departments, each worded once. Their types keep the "identity/" prefix they were published under.</summary>
internal static class ReferenceDataRefusals
{
    public static Refusal RegionNotFound(string? code) =>
        new("identity/region-not-found", "区划不存在", code is { Length: 6 } ? $"区划代码“{code}”不存在。" : "区划代码应为6位数字。", RefusalKind.NotFound);

    public static Refusal DepartmentNotFound(string code) =>
        new("identity/department-not-found", "部门不存在", $"部门代码“{code}”不存在。", RefusalKind.NotFound);

    public static Refusal DepartmentNameTaken(string name) =>
        new("identity/duplicate-department", "部门名称重复", $"已有名为“{name}”的部门。", RefusalKind.Conflict);

    public static Refusal DepartmentCodeTaken(string code, string holder) =>
        new("identity/duplicate-department", "部门代码重复", $"部门代码“{code}”已被“{holder}”使用。", RefusalKind.Conflict);

    /// <summary>The same form submitted twice at once: the first one added the department.</summary>
    public static Refusal DepartmentJustAdded(string code) =>
        new("identity/duplicate-department", "部门代码重复", $"部门代码“{code}”刚刚已被添加（可能是重复提交），请刷新后查看。", RefusalKind.Conflict);
}
