using Microsoft.EntityFrameworkCore;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Deadlines;
using Zhengzhao.Persistence;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Licensing;

/// <summary>
/// Licensing's open deadlines: receiving a submitted application (受理, five working days, the window's), deciding one under review
/// (the committed and the statutory limit, warned), and deciding a renewal before the permit's last day, after which
/// it is granted by law. A paused clock has no running deadline: it is listed again when it resumes.
/// </summary>
public sealed class ApplicationDeadlines(ZhengzhaoDbContext db, CalendarCache calendars) : IDeadlineSource
{
    public async Task<IReadOnlyList<OpenDeadline>> OpenAsync(DeadlineWindow window, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var applications = db.Applications.AsNoTracking();
        if (window.DepartmentCode is { } department)
        {
            // Receiving is the window's (一窗受理): a department's desk lists its matters from acceptance on, a window
            // clerk's also what its region's window must receive for every department.
            var prefix = window.WindowRegion is { } region ? Region.CoveragePrefix(region) : null;
            applications = applications.Where(a => (a.DepartmentCode == department && a.State != ApplicationState.Submitted)
                || (prefix != null && a.State == ApplicationState.Submitted && a.RegionCode.StartsWith(prefix)));
        }

        if (window.Uscc is { } uscc)
        {
            applications = applications.Where(a => a.Uscc == uscc);
        }

        // DueOn never runs ahead of the clock (see Application.DueOn), so the index finds every candidate.
        var underReview = window.WarnedOnly
            ? applications.Where(a => a.State == ApplicationState.Accepted || a.State == ApplicationState.AwaitingSignOff)
            : applications.Where(a => a.State == ApplicationState.Submitted || a.State == ApplicationState.Accepted || a.State == ApplicationState.AwaitingSignOff);
        var dated = await underReview.Where(a => a.DueOn != null && a.DueOn <= window.DueBy).OrderBy(a => a.DueOn).ThenBy(a => a.Id).Take(limit).ToListAsync(cancellationToken);
        var open = dated.SelectMany(a => Deadlines(calendar, a, window)).ToList();
        if (!window.WarnedOnly)
        {
            var renewals = await applications
                .Where(a => a.RenewalLastDay != null && a.RenewalLastDay <= window.DueBy)
                .Where(a => a.State == ApplicationState.Submitted || a.State == ApplicationState.SupplementRequested || a.State == ApplicationState.Accepted || a.State == ApplicationState.AwaitingSignOff)
                .OrderBy(a => a.RenewalLastDay).ThenBy(a => a.Id).Take(limit).ToListAsync(cancellationToken);
            open.AddRange(renewals.Select(a => Deadline(calendar, a, window.Today, "licensing.renewal", "延续决定期限", a.RenewalLastDay!.Value, DeadlineClock.CalendarDays)));
        }

        return open;
    }

    private static IEnumerable<OpenDeadline> Deadlines(WorkCalendar calendar, Application application, DeadlineWindow window)
    {
        var today = window.Today;
        if (application.AcceptedOn is not { } acceptedOn)
        {
            yield return Deadline(calendar, application, today, "licensing.acceptance", "受理期限", application.DueOn!.Value, DeadlineClock.WorkingDays) with { Party = DeadlineParty.Window };
            yield break;
        }

        var reading = ApplicationClock.Read(calendar, application.RegionCode, acceptedOn, application.Limits, application.Pauses, today);
        if (reading.IsPaused || reading.CommittedDue > window.DueBy)
        {
            yield break;
        }

        // A statutory limit ending on the committed one's day is one deadline, warned once.
        var same = reading.StatutoryDue == reading.CommittedDue;
        yield return Deadline(calendar, application, today, "licensing.committed", same ? "承诺期限（即法定期限）" : "承诺期限", reading.CommittedDue, DeadlineClock.WorkingDays) with { Light = reading.Light, Warned = true };
        if (!same)
        {
            yield return Deadline(calendar, application, today, "licensing.statutory", "法定期限", reading.StatutoryDue, DeadlineClock.WorkingDays) with { Warned = true };
        }
    }

    private static OpenDeadline Deadline(WorkCalendar calendar, Application application, DateOnly today, string kind, string what, DateOnly dueOn, DeadlineClock clock) => new()
    {
        Kind = kind,
        What = what,
        SubjectId = application.Id,
        Reference = application.Number ?? string.Empty,
        Title = $"{application.Item.Name}（申请编号 {application.Number}）",
        Link = $"/Licensing/Application/{application.Id}",
        Party = DeadlineParty.Department,
        DepartmentCode = application.DepartmentCode,
        Owner = application.Owner.Length > 0 ? application.Owner : null,
        Uscc = application.Uscc,
        RegionCode = application.RegionCode,
        DueOn = dueOn,
        Clock = clock,
        Light = DeadlineRules.Light(calendar, application.RegionCode, dueOn, today),
    };
}
