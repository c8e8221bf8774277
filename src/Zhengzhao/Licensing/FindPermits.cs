using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Licensing;

/// <summary>
/// Whose permits a reader may see: an applicant its own company's (<see cref="Uscc"/>), department staff their
/// department's (<see cref="DepartmentCode"/>), the registrar every one (both null). A window clerk
/// (<see cref="WindowRegion"/>) also sees those of applications a window filed for a company of its region, so it can
/// print the permit or 备案凭证 for the agent who came. Anything else is not found.
/// </summary>
public sealed record PermitScope(string? Uscc, string? DepartmentCode, string? WindowRegion = null)
{
    public static readonly PermitScope Everyone = new(null, null);

    internal IQueryable<Permit> Apply(IQueryable<Permit> permits, IQueryable<Application> applications)
    {
        var window = WindowRegion is { } region ? Region.CoveragePrefix(region) : null;
        return permits.Where(p => (Uscc == null || p.Uscc == Uscc)
            && (DepartmentCode == null || p.DepartmentCode == DepartmentCode
                || (window != null && applications.Any(a => a.Id == p.ApplicationId && a.FiledAtWindow && a.RegionCode.StartsWith(window)))));
    }
}

/// <summary>A permit with the name of its issuing department and its status today.</summary>
public sealed record PermitView(Permit Permit, string DepartmentName, PermitState State);

/// <summary>The permits a reader may see, newest first, optionally by (part of) a number; and one permit by id.</summary>
public sealed class FindPermits(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public const int PageSize = 200;

    public async Task<IReadOnlyList<PermitView>> ListAsync(PermitScope scope, string? number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var query = scope.Apply(db.Permits.AsNoTracking(), db.Applications);
        if (!string.IsNullOrWhiteSpace(number))
        {
            var part = number.Trim().ToUpperInvariant();
            query = query.Where(p => p.Number.Contains(part));
        }

        var permits = await query.OrderByDescending(p => p.IssuedOn).ThenByDescending(p => p.Number).Take(PageSize).ToListAsync(cancellationToken);
        return await ViewsAsync(permits, cancellationToken);
    }

    public async Task<Result<PermitView>> GetAsync(Guid id, PermitScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var permit = await scope.Apply(db.Permits.AsNoTracking(), db.Applications).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return permit is null
            ? new Refusal("licensing/permit-not-found", "证照不存在", "没有这份证照，或您无权查看。", RefusalKind.NotFound)
            : (await ViewsAsync([permit], cancellationToken))[0];
    }

    public async Task<Result<PermitView>> GetAsync(string number, PermitScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(scope);
        var trimmed = number.Trim().ToUpperInvariant();
        var id = await scope.Apply(db.Permits.AsNoTracking(), db.Applications).Where(p => p.Number == trimmed).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        return id is { } found ? await GetAsync(found, scope, cancellationToken) : PermitChanges.NotFound(trimmed);
    }

    private async Task<IReadOnlyList<PermitView>> ViewsAsync(IReadOnlyList<Permit> permits, CancellationToken cancellationToken)
    {
        var codes = permits.Select(p => p.DepartmentCode).Distinct().ToList();
        var names = await db.Departments.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        var today = ChinaTime.Today(time);
        return [.. permits.Select(p => new PermitView(p, names.GetValueOrDefault(p.DepartmentCode, p.DepartmentCode), p.StateOn(today)))];
    }
}
