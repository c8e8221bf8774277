using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Credit;

/// <summary>What the two lists' decisions share: one decision number per department, one winner of a double submit.</summary>
internal static class CreditLists
{
    /// <summary>What every listing decision states besides its cause: the number, the facts, the date.</summary>
    public static (string Number, string Facts, DateOnly ListedOn) Decision(FieldErrors errors, string? number, string? facts, DateOnly? listedOn, DateOnly today) =>
        (errors.Text("decisionNumber", number, Penalty.MaxNumberLength, "列入决定书文号"),
         errors.Text("facts", facts, AbnormalListing.MaxTextLength, "列入事实", TextKind.Paragraph),
         errors.Date("listedOn", listedOn, today, "列入日期"));

    /// <summary>The removal of an abnormal-list listing as the credit record publishes it, whatever removed it.</summary>
    public static CreditEntry RemovalEntry(AbnormalListing listing, (WorkCalendar Calendar, string Region) days, DateOnly today) =>
        CreditEntry.PublishedToday(
            listing.Uscc, CreditEntryKind.AbnormalRemoval, $"移出经营异常名录：{listing.DecisionNumber}", $"移出原因：{AbnormalListRules.Name(listing.RemovedFor!.Value)}；{listing.RemovalNote}；移出日期 {listing.RemovedOn:yyyy-MM-dd}",
            (listing.Authority, listing.DepartmentCode), listing.RemovedOn!.Value, days, today, CreditSource.Delisting, listing.Id);

    /// <summary>A listing ended another way: a repair application still open for it is closed, with the reason.</summary>
    public static async Task CloseRepairsAsync(ZhengzhaoDbContext db, AbnormalListing listing, CancellationToken cancellationToken)
    {
        foreach (var open in await db.CreditRepairs.Where(r => r.OpenTargetId == listing.Id).ToListAsync(cancellationToken))
        {
            open.Close($"该记录已于 {listing.RemovedOn:yyyy-MM-dd} 因“{AbnormalListRules.Name(listing.RemovedFor!.Value)}”移出，无需修复", listing.RemovedBy!, listing.RemovedOn!.Value);
        }
    }

    /// <summary>
    /// Saves. A unique clash or a lost concurrency check means another request decided at that moment (a double submit,
    /// two officers moving one listing): it is asked again, and then answers as a replay or as a number already used.
    /// A <paramref name="transaction"/> the caller opened is committed with the save, or ended (rolled back) before asking
    /// again, which opens its own.
    /// </summary>
    public static async Task<Result<T>> SaveAsync<T>(ZhengzhaoDbContext db, Func<T> saved, Func<Task<Result<T>>> again, CancellationToken cancellationToken, IDbContextTransaction? transaction = null)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return saved();
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            db.ChangeTracker.Clear();
            return await again();
        }
    }
}
