using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Licensing;

/// <summary>Where an officer acts on an application.</summary>
public enum Desk
{
    /// <summary>Receiving: accept, ask for a supplement, not accept, hand over; a comprehensive window of the company's region may act too.</summary>
    Window,

    /// <summary>Everything after acceptance: only the approving department.</summary>
    Review,
}

/// <summary>What a desk step is applied with: the day, the working-day calendar, and whether the officer heads the department.</summary>
public sealed record DeskDay(DateOnly On, WorkCalendar Calendar, bool ByHead);

/// <summary>
/// One step on the desk: the audit action, the change on the application, and the words the audit entry and the
/// applicant's message say of it.
/// </summary>
public sealed record DeskStep(string Action, Func<Application, DeskDay, Result<Application>> Apply, Func<Application, string> Summary)
{
    public bool TellApplicant { get; init; } = true;

    /// <summary>Files the step makes part of the record, so the sweep of unused uploads keeps them.</summary>
    public IReadOnlyList<Guid> Uploads { get; init; } = [];

    /// <summary>The act, in words, when only the department head (部门负责人) may do it; null when any officer at the desk may.</summary>
    public string? HeadOnly { get; init; }

    /// <summary>Whether the step asks if the officer heads the department though others may act too (a hand-over).</summary>
    public bool AsksForHead { get; init; }
}

/// <summary>
/// The skeleton every desk action on an application shares (load it, check the officer may act at this desk, apply the
/// step on the aggregate, save it with its audit entry, tell the applicant and a new owner), so that each use case
/// says only its own step. Of two officers acting at once, the second gets a conflict with the current state.
/// </summary>
public sealed class ApplicationDesk(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, TimeProvider time)
{
    public async Task<Result<Application>> ActAsync(Guid id, Officer officer, Desk desk, DeskStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        ArgumentNullException.ThrowIfNull(step);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null || !(application.DepartmentCode == officer.DepartmentCode
            || (desk == Desk.Window && officer.AtWindow && officer.RegionCode is { } region && application.RegionCode.StartsWith(Region.CoveragePrefix(region), StringComparison.Ordinal))))
        {
            return LicensingRefusals.ApplicationNotFound;
        }

        // Only those who review applications work one: the department's approvers and window clerks (a window clerk
        // also for other departments, at the window); its IT administrator and its inspectors do not.
        if (!officer.AtWindow && !await db.OfficersOf(application.DepartmentCode).AnyAsync(o => o.UserName == officer.Actor.UserName, cancellationToken))
        {
            return LicensingRefusals.NotReviewer;
        }

        var byHead = (step.HeadOnly is not null || step.AsksForHead) && await db.IsDepartmentHeadAsync(officer.Actor.UserName, application.DepartmentCode, cancellationToken);
        if (step.HeadOnly is { } what && !byHead)
        {
            return LicensingRefusals.NotDepartmentHead(what);
        }

        var owner = application.Owner;
        var today = ChinaTime.Today(time);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var acted = step.Apply(application, new DeskDay(today, calendar, byHead));
        if (!acted.IsSuccess)
        {
            return acted;
        }

        await using var transaction = step.Uploads.Count > 0 ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (step.Uploads.Count > 0 && await MaterialUploads.PutInUseAsync(db, application.Uscc, step.Uploads, time.GetUtcNow(), cancellationToken) is { } expired)
        {
            return expired;
        }

        application.Reschedule(calendar, today);
        var said = step.Summary(application);
        db.Record(officer.Actor, time, step.Action, nameof(Application), application.Id.ToString(), $"{application.Number ?? application.Id.ToString()}：{said}");
        var link = $"/Licensing/Application/{application.Id}";
        if (step.TellApplicant)
        {
            notifier.Tell(Mailboxes.Company(application.Uscc), $"{application.Number}：{ApplicationStates.Name(application.State)}", $"您申请的{application.Item.Name}（编号 {application.Number}）：{said}。", link);
        }

        if (application.Owner != owner && application.Owner != officer.Actor.UserName)
        {
            notifier.Tell(Mailboxes.Officer(application.Owner), $"交办：{application.Number}", $"{officer.Actor.UserName} 将{application.Item.Name}（编号 {application.Number}，{application.Uscc}）交由您办理，您为首办责任人。", link);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => a.State).FirstAsync(cancellationToken);
            return LicensingRefusals.ChangedTo(current);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return application;
    }
}
