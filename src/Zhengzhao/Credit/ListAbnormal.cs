using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Credit;

/// <summary>
/// 列入经营异常名录: the market regulator lists a company for one of the four causes. The listing is published on
/// the credit record as it is made, which starts the 30 days for an objection. Idempotent on the department's
/// decision number; a company is listed once per cause while the earlier listing stands.
/// </summary>
public sealed class ListAbnormal(ZhengzhaoDbContext db, CalendarCache calendars, TimeProvider time) : IUseCase
{
    public sealed record Command(string? Uscc, AbnormalCause? Cause, string? DecisionNumber, string? Facts, DateOnly? ListedOn, string DepartmentCode, Actor Actor);

    public sealed record Listed(AbnormalListing Listing, bool Replayed);

    public async Task<Result<Listed>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new FieldErrors();
        var uscc = errors.Check(command.Uscc);

        if (command.Cause is not { } cause || !Enum.IsDefined(cause))
        {
            errors.Add("cause", "请选择列入原因：AnnualReportNotFiled、InstantInformationNotPublished、FalseDisclosure 或 Unreachable。");
            cause = default;
        }

        var today = ChinaTime.Today(time);
        var (number, facts, listedOn) = CreditLists.Decision(errors, command.DecisionNumber, command.Facts, command.ListedOn, today);
        if (errors.Any)
        {
            return errors.Refusal("credit/invalid-listing", "列入信息有误");
        }

        if (await db.AbnormalListings.AsNoTracking().FirstOrDefaultAsync(l => l.DepartmentCode == command.DepartmentCode && l.DecisionNumber == number, cancellationToken) is { } made)
        {
            return made.Uscc == uscc && made.Cause == cause && made.ListedOn == listedOn ? new Listed(made, Replayed: true) : CreditRefusals.NumberTaken(number);
        }

        var decision = await db.DecisionAsync(uscc, command.DepartmentCode, "作出列入决定", cancellationToken);
        if (!decision.IsSuccess)
        {
            return decision.Refusal;
        }

        var (company, decider) = decision.Value;

        if (company.Status != EnterpriseStatus.Active)
        {
            return CreditRefusals.NotActive(company);
        }

        if (company.BeforeFounding(listedOn, "listedOn", "列入日期") is { } tooEarly)
        {
            return tooEarly;
        }

        if (cause == AbnormalCause.AnnualReportNotFiled && !AnnualReportRules.AnyOverdue(company.EstablishedOn, listedOn))
        {
            return CreditRefusals.NoAnnualReportOwed(company, listedOn);
        }

        if (await db.AbnormalListings.AsNoTracking().AnyAsync(l => l.Uscc == uscc && l.Cause == cause && l.RemovedOn == null, cancellationToken))
        {
            return CreditRefusals.AlreadyAbnormal(company.Name, cause);
        }

        var (authority, departmentCode) = decider;
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var listing = new AbnormalListing(uscc, company.Name, cause, number, facts, departmentCode, authority, listedOn, command.Actor.UserName, today, calendar, company.RegionCode);
        db.AbnormalListings.Add(listing);
        db.CreditEntries.Add(CreditEntry.PublishedToday(
            uscc, CreditEntryKind.AbnormalListing, $"列入经营异常名录：{number}", $"列入原因：{AbnormalListRules.Name(cause)}；事实：{facts}；列入日期 {listedOn:yyyy-MM-dd}；异议期限至 {listing.ObjectionDeadline:yyyy-MM-dd}",
            decider, listedOn, (calendar, company.RegionCode), today, CreditSource.Listing, listing.Id));
        db.Record(command.Actor, time, "credit.abnormal-listed", nameof(AbnormalListing), listing.Id.ToString(), $"{company.Name}（{uscc}）：{number}，{AbnormalListRules.Name(cause)}");
        return await CreditLists.SaveAsync(db, () => new Listed(listing, Replayed: false), () => HandleAsync(command, cancellationToken), cancellationToken);
    }
}
