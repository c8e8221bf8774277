using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Licensing;

/// <summary>
/// One letter of an application, for whoever may read the application: the read goes through
/// <see cref="FindApplications"/>, so another company's letter is "not found" exactly as its application is.
/// </summary>
public sealed class GetApplicationLetter(ZhengzhaoDbContext db, FindApplications find) : IUseCase
{
    public async Task<Result<ApplicationLetter>> HandleAsync(Guid id, LetterRef letter, FindApplications.Reader reader, CancellationToken cancellationToken = default)
    {
        var found = await find.GetAsync(id, reader, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Refusal;
        }

        var view = found.Value;
        var application = view.Application;
        var company = await db.RegisteredEnterprises().Where(e => e.Uscc == application.Uscc).Select(e => e.Name).FirstOrDefaultAsync(cancellationToken);
        var department = await db.Departments.AsNoTracking().Where(d => d.Code == application.DepartmentCode).Select(d => new { d.Name, d.RegionCode }).FirstOrDefaultAsync(cancellationToken);
        var region = department is null ? null : await db.Regions.AsNoTracking().Where(r => r.Code == department.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);
        string[] accounts = [.. new[] { application.Owner, application.Supplement?.RequestedBy, application.Decision?.DecidedBy, application.Decision?.SignedOffBy }.OfType<string>().Where(a => a.Length > 0).Distinct()];
        var officers = await db.PublishedAccounts()
            .Where(u => accounts.Contains(u.UserName) && u.DisplayName != string.Empty)
            .ToDictionaryAsync(u => u.UserName, u => u.DisplayName, StringComparer.Ordinal, cancellationToken);

        // A department without a known region still names the reconsideration body the law gives it: its own level's government.
        var parties = new LetterParties(company ?? application.Uscc, department?.Name ?? application.DepartmentCode, DenialNotice.ReconsiderationBody(region ?? "本级"), officers);
        return ApplicationLetters.Compose(application, letter, parties, view.Clock);
    }
}
