using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>
/// What a filing form must settle before anyone fills it in: that the caller may file for the company (the company
/// itself; at the window, a valid code of a company registered in the window's region, decided as
/// <see cref="FileApplication"/> decides it), and which applications of the same item the company already has open.
/// A company may hold several applications of one item (another premises, another scope), so an open one does not
/// bar a filing; but a person who went back and sent the form again is asked first whether a second one is meant.
/// </summary>
public sealed class BeginFiling(ZhengzhaoDbContext db) : IUseCase
{
    public sealed record OpenApplication(Guid Id, string? Number, ApplicationState State, DateOnly? SubmittedOn);

    /// <param name="Uscc">The company's code as registered.</param>
    public sealed record Start(string Uscc, IReadOnlyList<OpenApplication> Open);

    /// <param name="FormKey">The key of the form being filled in: what this form itself already filed is not another application.</param>
    public sealed record Query(string? Uscc, string ItemCode, FindApplications.Reader By, string? FormKey = null);

    public async Task<Result<Start>> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        string uscc;
        if (CompanyScope.AtWindow(query.By))
        {
            var company = await CompanyScope.WindowCompanyAsync(db, query.Uscc, query.By.WindowRegion!, cancellationToken);
            if (!company.IsSuccess)
            {
                return company.Refusal;
            }

            uscc = company.Value.Uscc;
        }
        else if (query.By.Uscc is { } own && (query.Uscc is null || query.Uscc == own))
        {
            uscc = own;
        }
        else
        {
            return LicensingRefusals.CompanyOutOfScope;
        }

        var item = query.ItemCode.Trim().ToUpperInvariant();
        var open = await db.Applications.AsNoTracking()
            .Where(a => a.Uscc == uscc && a.ItemCode == item && ApplicationStates.Open.Contains(a.State) && (query.FormKey == null || a.IdempotencyKey != query.FormKey))
            .OrderBy(a => a.SubmittedOn)
            .Select(a => new OpenApplication(a.Id, a.Number, a.State, a.SubmittedOn))
            .ToListAsync(cancellationToken);
        return new Start(uscc, open);
    }
}
