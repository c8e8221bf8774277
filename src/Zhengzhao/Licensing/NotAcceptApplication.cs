using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>不予受理: the window declines to accept, with the reason and its legal basis, which the applicant is told.</summary>
public sealed class NotAcceptApplication(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, TimeProvider time) : IUseCase
{
    private readonly ApplicationDesk _desk = new(db, calendars, notifier, time);

    public async Task<Result<Application>> HandleAsync(Guid id, string? reasonWithBasis, Officer officer, CancellationToken cancellationToken = default) =>
        FieldErrors.OverLimit(LicensingRefusals.TextTooLong, ("reason", reasonWithBasis, TextLimits.Reason, "不予受理的理由及依据")) is { } tooLong
            ? tooLong
            : await _desk.ActAsync(id, officer, Desk.Window, new("licensing.not-accepted", (a, day) => a.NotAccept(officer.Actor.UserName, reasonWithBasis, day.On), a => $"不予受理：{a.NotAcceptedReason}"), cancellationToken);
}
