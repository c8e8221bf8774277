using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>暂停计时: testing, expert review or a hearing does not count towards the limit; the applicant is told why.</summary>
public sealed class PauseClock(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, TimeProvider time) : IUseCase
{
    private readonly ApplicationDesk _desk = new(db, calendars, notifier, time);

    public async Task<Result<Application>> HandleAsync(Guid id, PauseKind kind, string? reason, Officer officer, CancellationToken cancellationToken = default) =>
        FieldErrors.OverLimit(LicensingRefusals.TextTooLong, ("reason", reason, TextLimits.Reason, "暂停计时的原因")) is { } tooLong
            ? tooLong
            : await _desk.ActAsync(id, officer, Desk.Review, new("licensing.paused", (a, day) => a.Pause(kind, reason, day.On), a => $"暂停计时：{a.Pauses[^1].Reason}"), cancellationToken);
}
