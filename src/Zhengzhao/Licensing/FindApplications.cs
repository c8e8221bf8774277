using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Licensing;

/// <summary>
/// Applications as each reader may see them: a company its own, a department its own worklist (due first, with its
/// light), one application with its clock. Anyone else's is "not found", never "forbidden", so existence leaks nothing.
/// </summary>
public sealed class FindApplications(ZhengzhaoDbContext db, CalendarCache calendars, TimeProvider time) : IUseCase
{
    /// <summary>The reader: a company (applicant), or staff of a department, and at a comprehensive window of a region.</summary>
    public sealed record Reader(string? Uscc, string? DepartmentCode, string? WindowRegion = null);

    /// <summary>
    /// An application, its clock once accepted, and, read for one application (not for lists), its permit once issued
    /// and its timeline: every recorded act on it, oldest first, as the audit trail holds it.
    /// </summary>
    public sealed record View(Application Application, ClockReading? Clock, Guid? PermitId = null, IReadOnlyList<TimelineEntry>? Timeline = null);

    /// <summary>One act on the application: when (UTC), by whom, what.</summary>
    public sealed record TimelineEntry(DateTime At, string Actor, string Summary);

    /// <summary>A worklist shows this many at a time: the nearest deadlines, which are the ones to act on.</summary>
    public const int WorklistSize = 200;

    public async Task<Result<View>> GetAsync(Guid id, Reader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var application = await Visible(reader).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return LicensingRefusals.ApplicationNotFound;
        }

        var permit = await db.Permits.AsNoTracking().Where(p => p.ApplicationId == id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        var key = id.ToString();
        var timeline = await db.AuditTrail()
            .Where(e => e.EntityType == nameof(Application) && e.EntityId == key)
            .OrderBy(e => e.Sequence)
            .Select(e => new TimelineEntry(e.Time, e.Actor, e.Summary))
            .ToListAsync(cancellationToken);
        return (await ViewAsync(application, cancellationToken)) with { PermitId = permit, Timeline = timeline };
    }

    /// <summary>What the reader works on: a company its applications, a window its queue, a department its worklist.</summary>
    public Task<IReadOnlyList<View>> ListForAsync(Reader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Uscc is { } uscc ? MineAsync(uscc, cancellationToken)
            : reader.WindowRegion is { } region ? WindowQueueAsync(region, cancellationToken)
            : WorklistAsync(reader.DepartmentCode ?? string.Empty, cancellationToken);
    }

    public async Task<IReadOnlyList<View>> MineAsync(string uscc, CancellationToken cancellationToken = default)
    {
        var applications = await db.Applications.AsNoTracking().Where(a => a.Uscc == uscc).OrderByDescending(a => a.Id).Take(200).ToListAsync(cancellationToken);
        return await ViewsAsync(applications, cancellationToken);
    }

    /// <summary>
    /// The department's worklist: what it has to act on, the nearest due date first (the committed limit once
    /// accepted, the acceptance limit before), read in due-date order from an index, so its cost does not grow with
    /// the millions of applications closed long ago. Matters with the applicant (补正) are on the window's list.
    /// </summary>
    public async Task<IReadOnlyList<View>> WorklistAsync(string departmentCode, CancellationToken cancellationToken = default)
    {
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.DepartmentCode == departmentCode && a.DueOn != null)
            .OrderBy(a => a.DueOn).ThenBy(a => a.Id)
            .Take(WorklistSize)
            .ToListAsync(cancellationToken);
        return await ViewsAsync(applications, cancellationToken);
    }

    /// <summary>The window's queue: what companies of its region handed in and the window has still to receive.</summary>
    public async Task<IReadOnlyList<View>> WindowQueueAsync(string windowRegion, CancellationToken cancellationToken = default)
    {
        var prefix = Region.CoveragePrefix(windowRegion);
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.RegionCode.StartsWith(prefix) && (a.State == ApplicationState.Submitted || a.State == ApplicationState.SupplementRequested))
            .OrderBy(a => a.SubmittedOn).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return await ViewsAsync(applications, cancellationToken);
    }

    private IQueryable<Application> Visible(Reader reader)
    {
        var applications = db.Applications.AsNoTracking();
        if (reader.Uscc is { } uscc)
        {
            return applications.Where(a => a.Uscc == uscc);
        }

        var department = reader.DepartmentCode ?? string.Empty;
        var window = reader.WindowRegion is { } region ? Region.CoveragePrefix(region) : null;
        return applications.Where(a => (department.Length > 0 && a.DepartmentCode == department) || (window != null && a.RegionCode.StartsWith(window)));
    }

    private async Task<View> ViewAsync(Application application, CancellationToken cancellationToken) => (await ViewsAsync([application], cancellationToken))[0];

    private async Task<IReadOnlyList<View>> ViewsAsync(IReadOnlyList<Application> applications, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var today = ChinaTime.Today(time);
        return
        [
            .. applications.Select(a => new View(a, a.AcceptedOn is { } accepted
                ? ApplicationClock.Read(calendar, a.RegionCode, accepted, a.Limits, a.Pauses, a.ClosedOn ?? today, a.Item.Steps)
                : null)),
        ];
    }
}
