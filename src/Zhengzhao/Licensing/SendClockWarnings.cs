using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>
/// 预警: a few working days before each deadline of an application under review (default 3 and 1), and once it has
/// passed, the first-responsible officer and the department's heads are told. Every instance may run the sweep; a warning row
/// with a unique key is written with the messages, so whichever instance writes it first sends, and nobody twice.
/// </summary>
public sealed class SendClockWarnings(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, IOptions<NotificationOptions> options, TimeProvider time) : IUseCase
{
    /// <summary>Calendar days ahead worth reading: more than the longest lead can span across the longest holiday.</summary>
    private const int HorizonDays = 45;

    /// <summary>Returns how many warnings this run sent.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(time);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var horizon = today.AddDays(HorizonDays);

        // DueOn never runs ahead of the clock (see Application.DueOn), so the index finds every candidate.
        var candidates = await db.Applications.AsNoTracking()
            .Where(a => a.DueOn != null && a.DueOn <= horizon && (a.State == ApplicationState.Accepted || a.State == ApplicationState.AwaitingSignOff))
            .ToListAsync(cancellationToken);
        var ids = candidates.Select(a => a.Id).ToList();
        var done = (await db.ClockWarnings.AsNoTracking().Where(w => ids.Contains(w.ApplicationId)).Select(w => new { w.ApplicationId, w.Deadline, w.DueOn, w.Lead }).ToListAsync(cancellationToken))
            .Select(w => (w.ApplicationId, new ClockWarning(w.Deadline, w.DueOn, w.Lead)))
            .ToHashSet();
        var heads = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var sent = 0;
        foreach (var application in candidates)
        {
            var reading = ApplicationClock.Read(calendar, application.RegionCode, application.AcceptedOn!.Value, application.Limits, application.Pauses, today);

            // A late application stays a candidate every pass until it is decided: what was sent is skipped, not retried.
            foreach (var warning in ApplicationClock.WarningsDue(calendar, application.RegionCode, reading, options.Value.Leads, today).Where(w => !done.Contains((application.Id, w))))
            {
                if (!heads.TryGetValue(application.DepartmentCode, out var departmentHeads))
                {
                    departmentHeads = heads[application.DepartmentCode] = await HeadsAsync(application.DepartmentCode, cancellationToken);
                }

                sent += await WarnAsync(application, warning, reading, departmentHeads, cancellationToken) ? 1 : 0;
            }
        }

        return sent;
    }

    private async Task<bool> WarnAsync(Application application, ClockWarning warning, ClockReading reading, List<string> departmentHeads, CancellationToken cancellationToken)
    {
        db.ClockWarnings.Add(new ClockWarningSent(application.Id, warning, time.GetUtcNow().UtcDateTime));
        var deadline = warning.Deadline == Deadline.Statutory ? "法定期限" : warning.Due == reading.StatutoryDue ? "承诺期限（即法定期限）" : "承诺期限";
        var owner = $"首办责任人：{(application.Owner.Length > 0 ? application.Owner : "尚未确定")}。";
        var (subject, body) = warning.IsPastDue
            ? ($"逾期告警：{application.Number} 已超过{deadline}", $"{application.Item.Name}（申请编号 {application.Number}）的{deadline} {warning.Due:yyyy-MM-dd} 已过，{(reading.PastStatutory ? "请立即办结并说明逾期原因" : $"请尽快办结；法定期限为 {reading.StatutoryDue:yyyy-MM-dd}")}。{owner}")
            : ($"期限预警：{application.Number} 还有 {warning.Lead} 个工作日到{deadline}", $"{application.Item.Name}（申请编号 {application.Number}）的{deadline}为 {warning.Due:yyyy-MM-dd}，距今还有 {warning.Lead} 个工作日，请及时办结。{owner}");
        foreach (var recipient in departmentHeads.Prepend(application.Owner).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal))
        {
            notifier.Tell(Mailboxes.Officer(recipient), subject, body, $"/Licensing/Application/{application.Id}");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another instance sent this warning first; its messages stand and these are dropped.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>部门负责人: the accounts designated head of the department.</summary>
    private Task<List<string>> HeadsAsync(string departmentCode, CancellationToken cancellationToken) =>
        db.PublishedAccounts().Where(a => a.DepartmentCode == departmentCode && a.IsDepartmentHead).Select(a => a.UserName).ToListAsync(cancellationToken);
}

/// <summary>A warning sent: its key (application, deadline, due date, lead) is unique, which is what makes it once.</summary>
public sealed class ClockWarningSent
{
    private ClockWarningSent()
    {
    }

    public ClockWarningSent(Guid applicationId, ClockWarning warning, DateTime sentAt)
    {
        ArgumentNullException.ThrowIfNull(warning);
        ApplicationId = applicationId;
        Deadline = warning.Deadline;
        DueOn = warning.Due;
        Lead = warning.Lead;
        SentAt = sentAt;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    public Guid ApplicationId { get; private set; }

    public Deadline Deadline { get; private set; }

    /// <summary>Part of the key: after an extension or a pause the deadline moves, and the new date is warned afresh.</summary>
    public DateOnly DueOn { get; private set; }

    public int Lead { get; private set; }

    public DateTime SentAt { get; private set; }
}
