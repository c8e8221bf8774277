using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Deadlines;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;

namespace Zhengzhao.Notifications;

/// <summary>
/// 预警: a few working days before each warned deadline (default 3 and 1), and once it has passed, whoever must act is
/// told: the first-responsible officer and the department's heads. It reads the one list of open deadlines. Every
/// instance may run the sweep; a warning row with a unique key is written with the messages, so whichever instance
/// writes it first sends, and nobody twice.
/// </summary>
public sealed class SendDeadlineWarnings(ZhengzhaoDbContext db, ListOpenDeadlines deadlines, CalendarCache calendars, Notifier notifier, IOptions<NotificationOptions> options, TimeProvider time) : IUseCase
{
    /// <summary>Calendar days ahead worth reading: more than the longest lead can span across the longest holiday.</summary>
    private const int HorizonDays = 45;

    /// <summary>Returns how many warnings this run sent.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var open = await deadlines.HandleAsync(new(DaysAhead: HorizonDays, WarnedOnly: true, Limit: int.MaxValue), ListOpenDeadlines.Reader.System, cancellationToken);
        if (!open.IsSuccess)
        {
            throw new InvalidOperationException(open.Refusal.Detail);
        }

        var today = ChinaTime.Today(time);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var bySubject = open.Value.ToLookup(d => d.SubjectId);
        var subjects = bySubject.Select(g => g.Key).ToList();
        var done = (await db.DeadlineWarnings.AsNoTracking().Where(w => subjects.Contains(w.SubjectId)).Select(w => new { w.Kind, w.SubjectId, w.DueOn, w.Lead }).ToListAsync(cancellationToken))
            .Select(w => (w.Kind, w.SubjectId, w.DueOn, w.Lead))
            .ToHashSet();
        var heads = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var sent = 0;
        foreach (var deadline in open.Value)
        {
            // A late matter stays open every pass until it is done: what was sent is skipped, not retried.
            foreach (var lead in DeadlineRules.WarningsDue(calendar, deadline.RegionCode, deadline.DueOn, options.Value.Leads, today).Where(l => !done.Contains((deadline.Kind, deadline.SubjectId, deadline.DueOn, l))))
            {
                if (!heads.TryGetValue(deadline.DepartmentCode, out var departmentHeads))
                {
                    departmentHeads = heads[deadline.DepartmentCode] = await HeadsAsync(deadline.DepartmentCode, cancellationToken);
                }

                var later = bySubject[deadline.SubjectId].Where(d => d.DueOn > deadline.DueOn).MinBy(d => d.DueOn);
                sent += await WarnAsync(deadline, lead, later, departmentHeads, cancellationToken) ? 1 : 0;
            }
        }

        return sent;
    }

    /// <param name="later">The matter's next deadline, if one still follows: a late officer is told how long is left.</param>
    private async Task<bool> WarnAsync(OpenDeadline deadline, int lead, OpenDeadline? later, List<string> departmentHeads, CancellationToken cancellationToken)
    {
        db.DeadlineWarnings.Add(new DeadlineWarningSent(deadline.Kind, deadline.SubjectId, deadline.DueOn, lead, time.GetUtcNow().UtcDateTime));
        var owner = $"首办责任人：{deadline.Owner ?? "尚未确定"}。";
        var (subject, body) = lead == DeadlineRules.PastDue
            ? ($"逾期告警：{deadline.Reference} 已超过{deadline.What}", $"{deadline.Title}的{deadline.What} {deadline.DueOn:yyyy-MM-dd} 已过，{(later is null ? "请立即办结并说明逾期原因" : $"请尽快办结；{later.What}为 {later.DueOn:yyyy-MM-dd}")}。{owner}")
            : ($"期限预警：{deadline.Reference} 还有 {lead} 个工作日到{deadline.What}", $"{deadline.Title}的{deadline.What}为 {deadline.DueOn:yyyy-MM-dd}，距今还有 {lead} 个工作日，请及时办结。{owner}");
        foreach (var recipient in departmentHeads.Prepend(deadline.Owner ?? string.Empty).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal))
        {
            notifier.Tell(Mailboxes.Officer(recipient), subject, body, deadline.Link);
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
