using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Credit;

/// <summary>The company a credit decision concerns, as the register holds it on the day.</summary>
public sealed record CreditSubject(string Uscc, string Name, string RegionCode, EnterpriseStatus Status, string LegalRepresentative, string IdProtected, string IdMasked);

/// <summary>The look-ups every credit decision starts with: the company on the register, the deciding department.</summary>
internal static class CreditSubjects
{
    private static async Task<Result<CreditSubject>> SubjectAsync(this ZhengzhaoDbContext db, string uscc, CancellationToken cancellationToken)
    {
        var subject = await db.Enterprises.AsNoTracking().Where(e => e.Uscc == uscc)
            .Select(e => new CreditSubject(e.Uscc, e.Name, e.RegionCode, e.Status, e.LegalRepresentative, e.LegalRepresentativeIdProtected, e.LegalRepresentativeIdMasked))
            .FirstOrDefaultAsync(cancellationToken);
        return subject is null
            ? new Refusal("credit/enterprise-not-found", "主体不存在", $"统一社会信用代码 {uscc} 不在登记库中。", RefusalKind.NotFound)
            : subject;
    }

    /// <summary>The region whose calendar counts the company's working days.</summary>
    public static Task<string> RegionAsync(this ZhengzhaoDbContext db, string uscc, CancellationToken cancellationToken) =>
        db.Enterprises.AsNoTracking().Where(e => e.Uscc == uscc).Select(e => e.RegionCode).FirstAsync(cancellationToken);

    /// <summary>The caller's department by name, if it is active: decisions are made in a department's name.</summary>
    private static async Task<Result<(string Name, string Code)>> DeciderAsync(this ZhengzhaoDbContext db, string departmentCode, string doing, CancellationToken cancellationToken)
    {
        var name = await db.Departments.AsNoTracking().Where(d => d.Code == departmentCode && d.IsActive).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        return name is null
            ? new Refusal("credit/no-department", $"不能{doing}", $"您的账户未归属在用的部门，不能以部门名义{doing}，请联系系统管理员。", RefusalKind.Forbidden)
            : (name, departmentCode);
    }

    /// <summary>The company and the deciding department together: every credit decision starts with both.</summary>
    public static async Task<Result<(CreditSubject Company, (string Name, string Code) Decider)>> DecisionAsync(this ZhengzhaoDbContext db, string uscc, string departmentCode, string doing, CancellationToken cancellationToken)
    {
        var subject = await db.SubjectAsync(uscc, cancellationToken);
        if (subject.Value is not { } company)
        {
            return subject.Refusal!;
        }

        var decider = await db.DeciderAsync(departmentCode, doing, cancellationToken);
        return decider.IsSuccess ? (company, decider.Value) : decider.Refusal!;
    }
}
