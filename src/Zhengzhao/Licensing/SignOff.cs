using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>复核: under strict access a second officer agrees with the proposed decision, or sends it back for review.</summary>
public sealed class SignOff(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, IssuePermit issue, RenewPermit renew, TimeProvider time) : IUseCase
{
    private readonly ApplicationDesk _desk = new(db, calendars, notifier, time);

    public async Task<Result<Application>> HandleAsync(Guid id, bool agree, Officer officer, CancellationToken cancellationToken = default) =>
        await DecideApplication.IssueIfApprovedAsync(
            await _desk.ActAsync(id, officer, Desk.Review, new("licensing.signed-off", (a, day) => a.SignOff(agree, officer.Actor.UserName, day.On), a => agree ? $"复核同意：{ApplicationStates.Name(a.State)}" : "复核退回重审"), cancellationToken),
            officer,
            issue,
            renew,
            cancellationToken);
}
