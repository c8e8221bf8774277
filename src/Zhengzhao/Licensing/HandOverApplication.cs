using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>
/// 首办责任制: the first-responsible officer hands the matter over to another officer, on the record; the department
/// head may hand over any of the department's matters. The new owner is told.
/// </summary>
public sealed class HandOverApplication(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, TimeProvider time) : IUseCase
{
    private readonly ApplicationDesk _desk = new(db, calendars, notifier, time);

    public async Task<Result<Application>> HandleAsync(Guid id, string? to, Officer officer, CancellationToken cancellationToken = default) =>
        FieldErrors.OverLimit(LicensingRefusals.TextTooLong, ("to", to, IdentityRules.MaxUserNameLength, "接办人账户")) is { } tooLong
            ? tooLong
            : await _desk.ActAsync(id, officer, Desk.Window, new(DepartmentOverview.HandedOver, (a, day) => a.HandOver(officer.Actor.UserName, to?.Trim() ?? string.Empty, day.ByHead), a => $"首办责任人移交给 {a.Owner}") { TellApplicant = false, AsksForHead = true }, cancellationToken);
}
