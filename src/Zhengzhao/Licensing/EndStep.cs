using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>办结环节: a reviewer ends the current published step of the item's procedure, with an opinion.</summary>
public sealed class EndStep(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, TimeProvider time) : IUseCase
{
    private readonly ApplicationDesk _desk = new(db, calendars, notifier, time);

    public async Task<Result<Application>> HandleAsync(Guid id, string? opinion, Officer officer, CancellationToken cancellationToken = default) =>
        FieldErrors.OverLimit(LicensingRefusals.TextTooLong, ("reason", opinion, TextLimits.Reason, "环节意见")) is { } tooLong
            ? tooLong
            : await _desk.ActAsync(id, officer, Desk.Review, new("licensing.step-ended", (a, day) => a.EndStep(officer.Actor.UserName, opinion, day.On), a => $"办结环节“{a.Steps[^1].Name}”"), cancellationToken);
}
