using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Credit;

/// <summary>
/// 异议 to an abnormal-list listing (企业经营异常名录管理暂行办法 第十七条): the company lodges it within 30 days of
/// publication; the deciding department accepts it or not within 5 working days, and verifies an accepted one within
/// 20. An upheld objection removes the listing, with a removal entry on the credit record.
/// </summary>
public sealed class HandleObjection(ZhengzhaoDbContext db, CalendarCache calendars, TimeProvider time) : IUseCase
{
    public enum ObjectionStep
    {
        /// <summary>提出异议 (the company, or a clerk taking it in writing).</summary>
        Lodge,

        /// <summary>受理.</summary>
        Accept,

        /// <summary>不予受理.</summary>
        Refuse,

        /// <summary>核实：异议成立.</summary>
        Uphold,

        /// <summary>核实：异议不成立.</summary>
        Dismiss,
    }

    /// <summary>Who acts: a company may lodge only against its own listing; staff decide only for their department.</summary>
    public sealed record Party(string? EnterpriseUscc, string? DepartmentCode, Actor Actor);

    public sealed record Command(Guid ListingId, ObjectionStep Step, string? Text, Party By);

    public async Task<Result<AbnormalListing>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new FieldErrors();
        var text = command.Step == ObjectionStep.Accept ? string.Empty : errors.Text("text", command.Text, AbnormalListing.MaxTextLength, Label(command.Step), TextKind.Paragraph);
        if (errors.Any)
        {
            return errors.Refusal("credit/invalid-objection", "异议信息有误");
        }

        var listing = await db.AbnormalListings.FirstOrDefaultAsync(l => l.Id == command.ListingId, cancellationToken);
        var by = command.By;
        var lodging = command.Step == ObjectionStep.Lodge;
        if (listing is null || (by.EnterpriseUscc is { } own && (own != listing.Uscc || !lodging)))
        {
            return CreditRefusals.ListingNotFound();
        }

        if (by.EnterpriseUscc is null && by.DepartmentCode != listing.DepartmentCode)
        {
            return CreditRefusals.NotYourListing(listing.Authority, "异议由作出决定的机关处理");
        }

        var today = ChinaTime.Today(time);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var region = await db.RegionAsync(listing.Uscc, cancellationToken);
        var officer = by.Actor.UserName;
        var standing = listing.InForce;
        var done = command.Step switch
        {
            ObjectionStep.Lodge => listing.LodgeObjection(text, today, calendar, region),
            ObjectionStep.Accept => listing.DecideAcceptance(accept: true, reason: null, officer, today, calendar, region),
            ObjectionStep.Refuse => listing.DecideAcceptance(accept: false, reason: text, officer, today, calendar, region),
            ObjectionStep.Uphold => listing.Verify(upheld: true, text, officer, today),
            ObjectionStep.Dismiss => listing.Verify(upheld: false, text, officer, today),
            _ => CreditRefusals.InvalidObjectionStep(),
        };
        if (!done.IsSuccess)
        {
            return done.Refusal;
        }

        if (standing && !listing.InForce)
        {
            db.CreditEntries.Add(CreditLists.RemovalEntry(listing, (calendar, region), today));
            await CreditLists.CloseRepairsAsync(db, listing, cancellationToken);
        }

        db.Record(by.Actor, time, $"credit.objection-{command.Step.ToString().ToLowerInvariant()}", nameof(AbnormalListing), listing.Id.ToString(), $"{listing.EnterpriseName}（{listing.Uscc}）{listing.DecisionNumber}：{AbnormalListRules.Name(listing.Objection)}{(text.Length > 0 ? $"，{text}" : string.Empty)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            var now = await db.AbnormalListings.AsNoTracking().FirstAsync(l => l.Id == command.ListingId, cancellationToken);
            return CreditRefusals.ObjectionHandledMeanwhile(now.Objection);
        }

        return listing;
    }

    private static string Label(ObjectionStep step) => step switch
    {
        ObjectionStep.Lodge => "异议理由",
        ObjectionStep.Refuse => "不予受理的理由",
        _ => "核实情况",
    };
}
