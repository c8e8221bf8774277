using Microsoft.AspNetCore.Identity;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Identity;

/// <summary>
/// Opens an account with a one-time password: staff in a department and a region, an applicant bound to its
/// company's code. The password is shown once to whoever opens the account and must be changed at first sign-in.
/// </summary>
public sealed class CreateAccount(ZhengzhaoDbContext db, UserManager<User> users, TimeProvider time) : IUseCase
{
    public sealed record Command(string UserName, string DisplayName, string Role, string? DepartmentCode, string? RegionCode, string? EnterpriseUscc, Actor Actor)
    {
        /// <summary>Only for the first administrator, whose password comes from configuration; everyone else gets a generated one.</summary>
        public string? InitialPassword { get; init; }

        /// <summary>A member of staff opened as its department's head (部门负责人), as the platform administrator may designate one.</summary>
        public bool IsDepartmentHead { get; init; }
    }

    public sealed record Created(string UserName, string Role, string OneTimePassword);

    public async Task<Result<Created>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var role = Roles.Find(command.Role);
        if (role is null)
        {
            return Invalid("角色无效。");
        }

        var userName = command.UserName.Trim();
        if (userName.Length is < 3 or > IdentityRules.MaxUserNameLength || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return Invalid($"用户名应为3至{IdentityRules.MaxUserNameLength}位英文字母、数字或 - _ . 。");
        }

        if (AccountFields.DisplayName(command.DisplayName) is { } badName)
        {
            return badName;
        }

        if (command.InitialPassword is not null && IdentityRules.PasswordTooLong(command.InitialPassword) is { } tooLong)
        {
            return Invalid(tooLong);
        }

        string? uscc = null;
        if (role.IsStaff)
        {
            if (await AccountFields.PlaceAsync(db, command.DepartmentCode, command.RegionCode, cancellationToken) is { } badPlace)
            {
                return badPlace;
            }
        }
        else
        {
            var check = Uscc.Check(command.EnterpriseUscc);
            if (!check.IsValid)
            {
                return Invalid($"企业账户须绑定有效的统一社会信用代码：{check.Reason}");
            }

            uscc = check.Normalised;
        }

        if (await users.FindByNameAsync(userName) is not null)
        {
            return IdentityRefusals.DuplicateUser(userName);
        }

        var user = new User
        {
            UserName = userName,
            DisplayName = command.DisplayName.Trim(),
            DepartmentCode = role.IsStaff ? command.DepartmentCode : null,
            RegionCode = role.IsStaff ? command.RegionCode : null,
            EnterpriseUscc = uscc,
            IsDepartmentHead = IdentityRules.MayBeDepartmentHead(role.Name) && command.IsDepartmentHead,
            MustChangePassword = true,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        var password = command.InitialPassword ?? OneTimePassword.Generate();

        // Identity saves the user and its role separately; one transaction keeps a failure from leaving half an account.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcome = await users.CreateAsync(user, password);
        if (outcome.Succeeded)
        {
            outcome = await users.AddToRoleAsync(user, role.Name);
        }

        if (!outcome.Succeeded)
        {
            return Invalid(string.Join("；", outcome.Errors.Select(e => e.Description)));
        }

        db.Record(command.Actor, time, "identity.account-created", nameof(User), userName, $"无 → {role.DisplayName}{(uscc is null ? $"（{user.DepartmentCode}，{user.RegionCode}{(user.IsDepartmentHead ? "，部门负责人" : string.Empty)}）" : $"（{uscc}）")}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Created(userName, role.Name, password);
    }

    private static Refusal Invalid(string detail) => AccountFields.Invalid(detail);
}
