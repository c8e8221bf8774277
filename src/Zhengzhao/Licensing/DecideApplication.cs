using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>
/// 决定: the reviewer approves or refuses, with reasons; under strict access the decision waits for a second officer's
/// sign-off (<see cref="SignOff"/>). An approval issues the permit at once.
/// </summary>
public sealed class DecideApplication(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, IssuePermit issue, RenewPermit renew, TimeProvider time) : IUseCase
{
    private readonly ApplicationDesk _desk = new(db, calendars, notifier, time);

    public async Task<Result<Application>> HandleAsync(Guid id, bool approve, string? reasons, Officer officer, CancellationToken cancellationToken = default) =>
        FieldErrors.OverLimit(LicensingRefusals.TextTooLong, ("reasons", reasons, TextLimits.Reason, "决定理由")) is { } tooLong
            ? tooLong
            : await IssueIfApprovedAsync(
                await _desk.ActAsync(id, officer, Desk.Review, new("licensing.decided", (a, day) => a.Decide(approve, reasons, officer.Actor.UserName, day.On), a => a.State == ApplicationState.AwaitingSignOff ? $"拟{(approve ? "准予" : "不予")}许可，待复核" : ApplicationStates.Name(a.State)), cancellationToken),
                officer,
                issue,
                renew,
                cancellationToken);

    /// <summary>
    /// An approval (decided, or signed off) issues the permit at once (准予许可 → 发证), or for a renewal gives the
    /// permit its next period. Issuing is idempotent, so should it fail after the decision was saved, issuing again
    /// (the permit page, or the next decision call) completes it.
    /// </summary>
    internal static async Task<Result<Application>> IssueIfApprovedAsync(Result<Application> decided, Officer officer, IssuePermit issue, RenewPermit renew, CancellationToken cancellationToken)
    {
        if (decided.Value is { State: ApplicationState.Approved } application)
        {
            var issued = application.RenewsPermit is { } number
                ? (await renew.HandleAsync(new(number, application.SubmittedOn!.Value, RenewalBasis.Decided, officer.Actor), cancellationToken)).Refusal
                : (await issue.IssueAsync(application.Id, null, officer.Actor, cancellationToken)).Refusal;
            if (issued is not null)
            {
                return issued;
            }
        }

        return decided;
    }
}
