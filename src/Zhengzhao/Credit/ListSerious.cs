using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Credit;

/// <summary>
/// 列入严重违法失信企业名单: the regulator lists a company for a cause, or confirms the proposal for a company three
/// years on the abnormal list (that listing then ends as moved). The legal representative of the day is kept for
/// the three-year bar the registry enforces. Idempotent on the department's decision number.
/// </summary>
public sealed class ListSerious(ZhengzhaoDbContext db, CalendarCache calendars, TimeProvider time) : IUseCase
{
    /// <param name="FromAbnormal">The abnormal-list listing whose three years are up: the cause is then <see cref="SeriousCause.AbnormalListExpired"/>.</param>
    public sealed record Command(string? Uscc, SeriousCause? Cause, string? DecisionNumber, string? Facts, DateOnly? ListedOn, Guid? FromAbnormal, string DepartmentCode, Actor Actor);

    public sealed record Listed(SeriousListing Listing, bool Replayed);

    public async Task<Result<Listed>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new FieldErrors();
        var uscc = errors.Check(command.Uscc);

        var cause = command.FromAbnormal is null ? command.Cause : SeriousCause.AbnormalListExpired;
        if (cause is not { } chosen || !Enum.IsDefined(chosen) || (chosen == SeriousCause.AbnormalListExpired && command.FromAbnormal is null))
        {
            errors.Add("cause", "请选择列入原因：FraudulentRegistration、RepeatedViolations、SafetyHarm 或 Other；届满三年的经营异常名录企业请从“届满三年待列入”处办理。");
            chosen = default;
        }

        var today = ChinaTime.Today(time);
        var (number, facts, listedOn) = CreditLists.Decision(errors, command.DecisionNumber, command.Facts, command.ListedOn, today);
        if (errors.Any)
        {
            return errors.Refusal("credit/invalid-listing", "列入信息有误");
        }

        // One company's listings take turns, so two decisions made at the same moment cannot both list it: on
        // PostgreSQL a lock on its code until the transaction ends; SQLite's write transaction (BEGIN IMMEDIATE)
        // already serialises every writer.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(727003, hashtext({uscc}))", cancellationToken);
        }

        var decided = await DecideAsync(command, new(uscc, chosen, number, facts, listedOn), today, cancellationToken);
        return decided.Value is { Replayed: false } listed
            ? await CreditLists.SaveAsync(db, () => listed, () => HandleAsync(command, cancellationToken), cancellationToken, transaction)
            : decided;
    }

    /// <summary>What the decision states, once checked.</summary>
    private sealed record Terms(string Uscc, SeriousCause Cause, string Number, string Facts, DateOnly ListedOn);

    /// <summary>The listing, and what it ends, added to the unit of work; or why it cannot be made, or the one already made.</summary>
    private async Task<Result<Listed>> DecideAsync(Command command, Terms terms, DateOnly today, CancellationToken cancellationToken)
    {
        var (uscc, chosen, number, facts, listedOn) = terms;
        if (await db.SeriousListings.AsNoTracking().FirstOrDefaultAsync(l => l.DepartmentCode == command.DepartmentCode && l.DecisionNumber == number, cancellationToken) is { } made)
        {
            return made.Uscc == uscc && made.Cause == chosen && made.ListedOn == listedOn ? new Listed(made, Replayed: true) : CreditRefusals.NumberTaken(number);
        }

        var parties = await db.DecisionAsync(uscc, command.DepartmentCode, "作出列入决定", cancellationToken);
        if (!parties.IsSuccess)
        {
            return parties.Refusal;
        }

        var (company, decider) = parties.Value;
        if (company.BeforeFounding(listedOn, "listedOn", "列入日期") is { } tooEarly)
        {
            return tooEarly;
        }

        if (await db.SeriousListings.AsNoTracking().AnyAsync(l => l.Uscc == uscc && l.RemovedOn == null && l.EndsOn > today, cancellationToken))
        {
            return CreditRefusals.AlreadySerious(company.Name);
        }

        var calendar = await calendars.GetAsync(db, cancellationToken);
        var days = (calendar, company.RegionCode);
        if (command.FromAbnormal is { } abnormalId)
        {
            var abnormal = await db.AbnormalListings.FirstOrDefaultAsync(l => l.Id == abnormalId && l.Uscc == uscc, cancellationToken);
            if (abnormal is null)
            {
                return CreditRefusals.ListingNotFound();
            }

            if (abnormal.DepartmentCode != command.DepartmentCode)
            {
                return CreditRefusals.NotYourListing(abnormal.Authority, "届满三年后由该机关决定列入严重违法失信名单");
            }

            var due = AbnormalListRules.SeriousOn(abnormal.ListedOn);
            if (!AbnormalListRules.DueForSerious(abnormal, today) || listedOn < due)
            {
                return CreditRefusals.NotDueForSerious(abnormal.InForce ? $"该企业列入经营异常名录于 {due:yyyy-MM-dd} 届满三年，届满时仍未移出的，自该日起方可列入严重违法失信名单。" : $"该企业已于 {abnormal.RemovedOn:yyyy-MM-dd} 移出经营异常名录。");
            }

            var moved = abnormal.Remove(ListingEnd.MovedToSerious, $"列入严重违法失信名单（{number}）", command.Actor.UserName, listedOn);
            if (!moved.IsSuccess)
            {
                return moved.Refusal;
            }

            db.CreditEntries.Add(CreditLists.RemovalEntry(abnormal, days, today));
            await CreditLists.CloseRepairsAsync(db, abnormal, cancellationToken);
        }

        var (authority, departmentCode) = decider;
        var listing = new SeriousListing(uscc, company.Name, chosen, number, facts, departmentCode, authority, listedOn, command.Actor.UserName, (company.LegalRepresentative.Name, company.LegalRepresentative.IdProtected), command.FromAbnormal);
        db.SeriousListings.Add(listing);
        db.CreditEntries.Add(CreditEntry.PublishedToday(
            uscc, CreditEntryKind.SeriousListing, $"列入严重违法失信名单：{number}", $"列入原因：{SeriousListRules.Name(chosen)}；事实：{facts}；列入日期 {listedOn:yyyy-MM-dd}，届满移出日期 {listing.EndsOn:yyyy-MM-dd}；{listing.Remedies}",
            decider, listedOn, days, today, CreditSource.Listing, listing.Id));
        db.Record(command.Actor, time, "credit.serious-listed", nameof(SeriousListing), listing.Id.ToString(), $"{company.Name}（{uscc}）：{number}，{SeriousListRules.Name(chosen)}；法定代表人 {company.LegalRepresentative.Name}（{company.LegalRepresentative.IdMasked}）{listing.RepresentativeBarEndsOn:yyyy-MM-dd} 前不得担任其他企业法定代表人");
        return new Listed(listing, Replayed: false);
    }
}
