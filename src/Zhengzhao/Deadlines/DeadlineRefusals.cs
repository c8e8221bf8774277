using Zhengzhao.Common;

namespace Zhengzhao.Deadlines;

/// <summary>The refusals of reading open deadlines, each worded once.</summary>
internal static class DeadlineRefusals
{
    public static Refusal OtherDepartment { get; } = new("deadlines/out-of-scope", "无权查看", "只能查看本部门的期限。", RefusalKind.Forbidden);

    public static Refusal CompanyOwnOnly { get; } = new("deadlines/out-of-scope", "无权查看", "企业账户只能查看本企业的期限，不能按部门查看。", RefusalKind.Forbidden);

    public static Refusal NoScope { get; } = new("deadlines/out-of-scope", "无权查看", "当前账户既不属于部门也不代表企业，没有可查看的期限。", RefusalKind.Forbidden);

    public static Refusal DepartmentNotFound(string code) =>
        new("deadlines/department-not-found", "部门不存在", code.Length <= 32 && code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? $"部门代码“{code}”不存在。" : "没有这个部门代码。", RefusalKind.NotFound) { Errors = new Dictionary<string, string[]> { ["department"] = ["部门不存在。"] } };

    public static Refusal DaysAheadOutOfRange { get; } = new("deadlines/invalid-range", "天数无效", $"向后查看的天数应为 0 到 {ListOpenDeadlines.MaxDaysAhead}。")
    {
        Errors = new Dictionary<string, string[]> { ["days"] = [$"应为 0 到 {ListOpenDeadlines.MaxDaysAhead} 的整数。"] },
    };
}
