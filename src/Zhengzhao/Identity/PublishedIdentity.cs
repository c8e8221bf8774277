using Microsoft.EntityFrameworkCore;
using Zhengzhao.Persistence;

namespace Zhengzhao.Identity;

/// <summary>
/// What Identity lets other modules read about an account: who it is, where it works, whether it heads its
/// department, and where messages to it go; never its password, stamp or sign-in history. A projection, so a
/// caller's filter composes with it into one SQL statement.
/// </summary>
public sealed record PublishedAccount
{
    public required string UserName { get; init; }

    public required string DisplayName { get; init; }

    public required string? DepartmentCode { get; init; }

    public required string? EnterpriseUscc { get; init; }

    public required bool IsDepartmentHead { get; init; }

    public required string? Email { get; init; }

    public required string? PhoneNumber { get; init; }
}

/// <summary>What Identity lets other modules read.</summary>
public static class PublishedIdentity
{
    /// <summary>The accounts as others read them, built with an object initializer so that EF translates what a caller adds after it.</summary>
    public static IQueryable<PublishedAccount> PublishedAccounts(this ZhengzhaoDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Published(db.Users.AsNoTracking());
    }

    /// <summary>
    /// The officers in use who handle the department's matters (its approvers and window clerks): the only accounts a
    /// matter may be handed over to.
    /// </summary>
    public static IQueryable<PublishedAccount> OfficersOf(this ZhengzhaoDbContext db, string departmentCode)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Published(db.Users.AsNoTracking().Where(u => u.DepartmentCode == departmentCode && u.DisabledAt == null
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Approver || r.Name == Roles.WindowClerk)))));
    }

    /// <summary>Whether the account, in use, heads the department (部门负责人): the legal acts reserved to the head ask this.</summary>
    public static Task<bool> IsDepartmentHeadAsync(this ZhengzhaoDbContext db, string userName, string departmentCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Users.AnyAsync(u => u.UserName == userName && u.DepartmentCode == departmentCode && u.IsDepartmentHead && u.DisabledAt == null, cancellationToken);
    }

    private static IQueryable<PublishedAccount> Published(IQueryable<User> users) => users.Select(u => new PublishedAccount
    {
        UserName = u.UserName!,
        DisplayName = u.DisplayName,
        DepartmentCode = u.DepartmentCode,
        EnterpriseUscc = u.EnterpriseUscc,
        IsDepartmentHead = u.IsDepartmentHead,
        Email = u.Email,
        PhoneNumber = u.PhoneNumber,
    });
}
