namespace Zhengzhao.Identity;

/// <summary>The roles of DESIGN.md §1 that sign in (the public does not), plus the system administrator.</summary>
public static class Roles
{
    public const string Applicant = nameof(Applicant);
    public const string WindowClerk = nameof(WindowClerk);
    public const string Approver = nameof(Approver);
    public const string DepartmentAdmin = nameof(DepartmentAdmin);
    public const string Regulator = nameof(Regulator);
    public const string Inspector = nameof(Inspector);
    public const string Oversight = nameof(Oversight);
    public const string ReformOffice = nameof(ReformOffice);
    public const string Administrator = nameof(Administrator);

    public static readonly IReadOnlyList<RoleInfo> All =
    [
        new(Applicant, "申请人（企业）", IsStaff: false),
        new(WindowClerk, "窗口人员", IsStaff: true),
        new(Approver, "审批人员", IsStaff: true),
        new(DepartmentAdmin, "部门管理员", IsStaff: true),
        new(Regulator, "市场监管人员", IsStaff: true),
        new(Inspector, "执法检查人员", IsStaff: true),
        new(Oversight, "督查室", IsStaff: true),
        new(ReformOffice, "审改办", IsStaff: true),
        new(Administrator, "系统管理员", IsStaff: true),
    ];

    public static RoleInfo? Find(string name) => All.FirstOrDefault(r => r.Name == name);

    public static string Name(string name) => Find(name)?.DisplayName ?? name;
}

public sealed record RoleInfo(string Name, string DisplayName, bool IsStaff);
