using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>申请延期: the officer asks the department head for an extension; the head grants or refuses it.</summary>
public sealed class RequestExtension(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, TimeProvider time) : IUseCase
{
    private readonly ApplicationDesk _desk = new(db, calendars, notifier, time);

    public async Task<Result<Application>> HandleAsync(Guid id, int days, string? reason, Officer officer, CancellationToken cancellationToken = default) =>
        FieldErrors.OverLimit(LicensingRefusals.TextTooLong, ("reason", reason, TextLimits.Reason, "延期理由")) is { } tooLong
            ? tooLong
            : await _desk.ActAsync(id, officer, Desk.Review, new("licensing.extension-requested", (a, day) => a.RequestExtension(days, reason, officer.Actor.UserName, day.On), a => $"申请延长 {a.ExtensionRequest!.Days} 个工作日：{a.ExtensionRequest.Reason}") { TellApplicant = false }, cancellationToken);
}
