using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Common;
using Zhengzhao.Registry;

namespace Zhengzhao.Identity;

/// <summary>The roles, the first administrator from configuration, and (demo data only) one account per role.</summary>
public static class AccountSeeder
{
    public const string DemoUserNamePrefix = "demo-";

    /// <summary>The company the demo applicant account acts for: a valid code registered in the pilot zone.</summary>
    public static readonly Uscc DemoEnterprise = Uscc.Compose('9', '1', "540172", "MA6T2K8P");

    private static readonly Dictionary<string, (string Department, string Region)> DemoPlacement = new()
    {
        [Roles.WindowClerk] = ("LS-JKQ", "540172"),
        [Roles.Approver] = ("XZ-XWGD", "540000"),
        [Roles.DepartmentAdmin] = ("XZ-SWT", "540000"),
        [Roles.Regulator] = ("XZ-GSJ", "540000"),
        [Roles.Inspector] = ("XZ-SYJ", "540000"),
        [Roles.Oversight] = ("XZ-DCS", "540000"),
        [Roles.ReformOffice] = ("XZ-BB", "540000"),
        [Roles.Administrator] = ("XZ-BB", "540000"),
    };

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role.Name))
            {
                await roles.CreateAsync(new IdentityRole(role.Name));
            }
        }
    }

    /// <summary>Creates the administrator named in configuration when no administrator exists yet.</summary>
    public static async Task<Result<CreateAccount.Created>?> EnsureAdministratorAsync(IServiceProvider services, BootstrapAdministrator? settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var users = services.GetRequiredService<UserManager<User>>();
        if (settings is null || string.IsNullOrWhiteSpace(settings.UserName) || (await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return null;
        }

        var command = new CreateAccount.Command(settings.UserName, "系统管理员", Roles.Administrator, settings.Department, settings.Region, null, Actor.System)
        {
            InitialPassword = settings.Password,
        };
        return await services.GetRequiredService<CreateAccount>().HandleAsync(command, cancellationToken);
    }

    /// <summary>One account per role, each with a one-time password returned here so the host can show it once.</summary>
    public static async Task<IReadOnlyList<CreateAccount.Created>> EnsureDemoAccountsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var users = services.GetRequiredService<UserManager<User>>();
        var create = services.GetRequiredService<CreateAccount>();
        var created = new List<CreateAccount.Created>();
        foreach (var role in Roles.All)
        {
            var userName = DemoUserName(role.Name);
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var placement = DemoPlacement.GetValueOrDefault(role.Name);
            var command = new CreateAccount.Command(userName, $"演示{role.DisplayName}", role.Name, placement.Department, placement.Region, role.IsStaff ? null : DemoEnterprise.Value, Actor.System);
            var result = await create.HandleAsync(command, cancellationToken);
            created.Add(result.IsSuccess ? result.Value : throw new InvalidOperationException($"Demo account {userName}: {result.Refusal.Detail}"));
        }

        return created;
    }

    public static string DemoUserName(string role) => DemoUserNamePrefix + role.ToLowerInvariant();
}

/// <summary><c>Bootstrap:Administrator</c>: the first administrator of a production installation.</summary>
public sealed class BootstrapAdministrator
{
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string Department { get; set; } = "XZ-BB";

    public string Region { get; set; } = "540000";
}
