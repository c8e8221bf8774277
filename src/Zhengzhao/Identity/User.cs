using Microsoft.AspNetCore.Identity;

namespace Zhengzhao.Identity;

/// <summary>
/// A person who signs in. Staff belong to a department and a region; an enterprise account speaks for one
/// company, named by its unified social credit code.
/// </summary>
public sealed class User : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    public string? DepartmentCode { get; set; }

    public string? RegionCode { get; set; }

    /// <summary>
    /// 部门负责人: the person heads their department, who alone extends a deadline, decides on an officer's request
    /// for one, and hands over any of the department's matters. Set and cleared by the department administrator (or
    /// the platform administrator); an attribute of the person, not a role, and lost with a change of department.
    /// </summary>
    public bool IsDepartmentHead { get; set; }

    /// <summary>The company an applicant account acts for.</summary>
    public string? EnterpriseUscc { get; set; }

    /// <summary>Set for accounts created with a one-time password: the first sign-in leads to changing it.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Set when an administrator disables the account: it no longer signs in, and its sessions and tokens end.</summary>
    public DateTime? DisabledAt { get; set; }
}
