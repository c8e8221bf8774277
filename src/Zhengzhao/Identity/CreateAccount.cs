using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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
        if (userName.Length is < 3 or > 50 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return Invalid("用户名应为3至50位英文字母、数字或 - _ . 。");
        }

        if (command.DisplayName.Trim().Length is 0 or > 50)
        {
            return Invalid("请填写姓名或单位名称，不超过50个字。");
        }

        string? uscc = null;
        if (role.IsStaff)
        {
            if (command.DepartmentCode is null || !await db.Departments.AnyAsync(d => d.Code == command.DepartmentCode && d.IsActive, cancellationToken))
            {
                return Invalid("工作人员账户必须属于一个在用的部门。");
            }

            if (command.RegionCode is null || !await db.Regions.AnyAsync(r => r.Code == command.RegionCode, cancellationToken))
            {
                return Invalid("工作人员账户必须属于一个有效的区划。");
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
            return new Refusal("identity/duplicate-user", "用户名已存在", $"用户名“{userName}”已被使用，请换一个。", RefusalKind.Conflict);
        }

        var user = new User
        {
            UserName = userName,
            DisplayName = command.DisplayName.Trim(),
            DepartmentCode = role.IsStaff ? command.DepartmentCode : null,
            RegionCode = role.IsStaff ? command.RegionCode : null,
            EnterpriseUscc = uscc,
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

        db.Record(command.Actor, time, "identity.account-created", nameof(User), userName, $"无 → {role.DisplayName}{(uscc is null ? $"（{user.DepartmentCode}，{user.RegionCode}）" : $"（{uscc}）")}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Created(userName, role.Name, password);
    }

    private static Refusal Invalid(string detail) => new("identity/invalid-account", "账户信息无效", detail);
}
