using Microsoft.EntityFrameworkCore;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Deadlines;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Credit;

/// <summary>
/// Credit's open deadlines on the abnormal operations list: the company's thirty days to object, the department's
/// five working days to accept an objection and twenty to verify it, and the third anniversary, when a listing not
/// cured moves to the serious-violation list. Credit repair has no deadline of its own yet, and information is
/// published as it is recorded (its twenty-day limit is checked then, see <see cref="CreditPublicity"/>), so neither
/// leaves one open.
/// </summary>
public sealed class ListingDeadlines(ZhengzhaoDbContext db, CalendarCache calendars) : IDeadlineSource
{
    public async Task<IReadOnlyList<OpenDeadline>> OpenAsync(DeadlineWindow window, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.WarnedOnly)
        {
            return [];
        }

        var calendar = await calendars.GetAsync(db, cancellationToken);
        var listings = db.AbnormalListings.AsNoTracking().Where(l => l.RemovedOn == null);
        if (window.DepartmentCode is { } department)
        {
            listings = listings.Where(l => l.DepartmentCode == department);
        }

        if (window.Uscc is { } uscc)
        {
            listings = listings.Where(l => l.Uscc == uscc);
        }

        var threeYearsBefore = window.DueBy.AddYears(-AbnormalListRules.YearsToSerious);
        var pending = new[] { ObjectionStage.Lodged, ObjectionStage.Accepted };
        var rows = await (from l in listings
                          join e in db.RegisteredEnterprises() on l.Uscc equals e.Uscc
                          where (l.Objection == ObjectionStage.None && l.ObjectionDeadline >= window.Today && l.ObjectionDeadline <= window.DueBy)
                                || (pending.Contains(l.Objection) && l.ObjectionDueOn <= window.DueBy)
                                || l.ListedOn <= threeYearsBefore
                          orderby l.ListedOn
                          select new { Listing = l, e.RegionCode })
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.SelectMany(r => Deadlines(calendar, r.Listing, r.RegionCode, window)).OrderBy(d => d.DueOn).Take(limit).ToList();
    }

    private static IEnumerable<OpenDeadline> Deadlines(WorkCalendar calendar, AbnormalListing listing, string region, DeadlineWindow window)
    {
        var open = new List<OpenDeadline>();
        if (listing.Objection == ObjectionStage.None && listing.ObjectionDeadline >= window.Today)
        {
            open.Add(Deadline(calendar, listing, region, window.Today, "credit.objection-period", "异议期限", listing.ObjectionDeadline, DeadlineClock.CalendarDays) with { Party = DeadlineParty.Company, Link = $"/Credit/Record?code={listing.Uscc}" });
        }

        if (listing.Objection is ObjectionStage.Lodged or ObjectionStage.Accepted && listing.ObjectionDueOn is { } answerDue)
        {
            var accepting = listing.Objection == ObjectionStage.Lodged;
            open.Add(Deadline(calendar, listing, region, window.Today, accepting ? "credit.objection-acceptance" : "credit.objection-verification", accepting ? "异议受理期限" : "异议核实期限", answerDue, DeadlineClock.WorkingDays) with { Owner = listing.ObjectionOfficer });
        }

        open.Add(Deadline(calendar, listing, region, window.Today, "credit.serious-listing", "届满三年（列入严重违法失信名单）", AbnormalListRules.SeriousOn(listing.ListedOn), DeadlineClock.CalendarDays));
        return open.Where(d => d.DueOn <= window.DueBy);
    }

    private static OpenDeadline Deadline(WorkCalendar calendar, AbnormalListing listing, string region, DateOnly today, string kind, string what, DateOnly dueOn, DeadlineClock clock) => new()
    {
        Kind = kind,
        What = what,
        SubjectId = listing.Id,
        Reference = listing.DecisionNumber,
        Title = $"{listing.EnterpriseName}列入经营异常名录（{listing.DecisionNumber}）",
        Link = "/Credit/Lists",
        Party = DeadlineParty.Department,
        DepartmentCode = listing.DepartmentCode,
        Uscc = listing.Uscc,
        RegionCode = region,
        DueOn = dueOn,
        Clock = clock,
        Light = DeadlineRules.Light(calendar, region, dueOn, today),
    };
}
