using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Credit;

/// <summary>
/// 移出经营异常名录: the company has met the obligation behind the listing (filed the report, published the
/// information, can be reached again); the deciding department removes it, and the removal goes on the record.
/// </summary>
public sealed class RemoveAbnormal(ZhengzhaoDbContext db, CalendarCache calendars, TimeProvider time) : IUseCase
{
    public sealed record Command(Guid ListingId, string? Note, string DepartmentCode, Actor Actor);

    public async Task<Result<AbnormalListing>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new FieldErrors();
        var note = errors.Text("note", command.Note, AbnormalListing.MaxTextLength, "履行义务的情况", TextKind.Paragraph);
        if (errors.Any)
        {
            return errors.Refusal("credit/invalid-removal", "移出信息有误");
        }

        var listing = await db.AbnormalListings.FirstOrDefaultAsync(l => l.Id == command.ListingId, cancellationToken);
        if (listing is null)
        {
            return CreditRefusals.ListingNotFound();
        }

        if (listing.DepartmentCode != command.DepartmentCode)
        {
            return CreditRefusals.NotYourListing(listing.Authority, "由作出决定的机关移出");
        }

        var today = ChinaTime.Today(time);
        var removed = listing.Remove(ListingEnd.Cured, note, command.Actor.UserName, today);
        if (!removed.IsSuccess)
        {
            return removed.Refusal;
        }

        var calendar = await calendars.GetAsync(db, cancellationToken);
        var region = await db.RegionAsync(listing.Uscc, cancellationToken);
        db.CreditEntries.Add(CreditLists.RemovalEntry(listing, (calendar, region), today));
        await CreditLists.CloseRepairsAsync(db, listing, cancellationToken);
        db.Record(command.Actor, time, "credit.abnormal-removed", nameof(AbnormalListing), listing.Id.ToString(), $"{listing.EnterpriseName}（{listing.Uscc}）{listing.DecisionNumber}：{note}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            // Removed at the same moment by another officer, or by an upheld objection.
            return CreditRefusals.RemovedMeanwhile();
        }

        return listing;
    }
}
