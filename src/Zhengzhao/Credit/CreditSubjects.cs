using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Credit;

/// <summary>The company a credit decision concerns, as the register holds it on the day.</summary>
public sealed record CreditSubject
{
    public required string Uscc { get; init; }

    public required string Name { get; init; }

    public required string RegionCode { get; init; }

    public required EnterpriseStatus Status { get; init; }

    /// <summary>成立日期: nothing a department decides about the company happened before it.</summary>
    public required DateOnly EstablishedOn { get; init; }

    /// <summary>The person a serious listing bars from serving elsewhere, with the identity number as the register keeps it.</summary>
    public required RegisteredRepresentative LegalRepresentative { get; init; }

    /// <summary>A date typed for a decision about the company that falls before the company existed, refused at its field.</summary>
    public Refusal? BeforeFounding(DateOnly on, string field, string label) =>
        on < EstablishedOn ? CreditRefusals.BeforeFounding(this, on, field, label) : null;
}

/// <summary>The look-ups every credit decision starts with: the company on the register, the deciding department.</summary>
internal static class CreditSubjects
{
    private static async Task<Result<CreditSubject>> SubjectAsync(this ZhengzhaoDbContext db, string uscc, CancellationToken cancellationToken)
    {
        var subject = await db.RegisteredEnterprises().Where(e => e.Uscc == uscc)
            .Join(db.LegalRepresentatives(), e => e.Uscc, r => r.Uscc, (e, r) => new CreditSubject { Uscc = e.Uscc, Name = e.Name, RegionCode = e.RegionCode, Status = e.Status, EstablishedOn = e.EstablishedOn, LegalRepresentative = r })
            .FirstOrDefaultAsync(cancellationToken);
        return subject is null
            ? CreditRefusals.EnterpriseNotFound(uscc)
            : subject;
    }

    /// <summary>The region whose calendar counts the company's working days.</summary>
    public static Task<string> RegionAsync(this ZhengzhaoDbContext db, string uscc, CancellationToken cancellationToken) =>
        db.RegisteredEnterprises().Where(e => e.Uscc == uscc).Select(e => e.RegionCode).FirstAsync(cancellationToken);

    /// <summary>The caller's department by name, if it is active: decisions are made in a department's name.</summary>
    private static async Task<Result<(string Name, string Code)>> DeciderAsync(this ZhengzhaoDbContext db, string departmentCode, string doing, CancellationToken cancellationToken)
    {
        var name = await db.Departments.AsNoTracking().Where(d => d.Code == departmentCode && d.IsActive).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        return name is null
            ? CreditRefusals.NoDepartment(doing)
            : (name, departmentCode);
    }

    /// <summary>The company and the deciding department together: every credit decision starts with both.</summary>
    public static async Task<Result<(CreditSubject Company, (string Name, string Code) Decider)>> DecisionAsync(this ZhengzhaoDbContext db, string uscc, string departmentCode, string doing, CancellationToken cancellationToken)
    {
        var subject = await db.SubjectAsync(uscc, cancellationToken);
        if (!subject.IsSuccess)
        {
            return subject.Refusal;
        }

        var decider = await db.DeciderAsync(departmentCode, doing, cancellationToken);
        return decider.IsSuccess ? (subject.Value, decider.Value) : decider.Refusal;
    }
}
