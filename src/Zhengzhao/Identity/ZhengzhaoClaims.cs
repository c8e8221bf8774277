using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Zhengzhao.Identity;

/// <summary>The claims a signed-in user carries beyond name and roles: where they work, or which company they speak for.</summary>
public static class ZhengzhaoClaims
{
    public const string Department = "zz:department";
    public const string Region = "zz:region";
    public const string Enterprise = "zz:uscc";
    public const string MustChangePassword = "zz:must-change-password";

    /// <summary>Shown by pages to offer the head's actions; the use cases check the account itself.</summary>
    public const string DepartmentHead = "zz:department-head";
}

public sealed class ZhengzhaoClaimsFactory(UserManager<User> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        AddIfPresent(identity, ZhengzhaoClaims.Department, user.DepartmentCode);
        AddIfPresent(identity, ZhengzhaoClaims.Region, user.RegionCode);
        AddIfPresent(identity, ZhengzhaoClaims.Enterprise, user.EnterpriseUscc);
        if (user.IsDepartmentHead)
        {
            identity.AddClaim(new Claim(ZhengzhaoClaims.DepartmentHead, "true"));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(ZhengzhaoClaims.MustChangePassword, "true"));
        }

        return identity;
    }

    private static void AddIfPresent(ClaimsIdentity identity, string type, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            identity.AddClaim(new Claim(type, value));
        }
    }
}
