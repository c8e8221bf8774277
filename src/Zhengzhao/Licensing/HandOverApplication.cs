using Microsoft.EntityFrameworkCore;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>
/// 首办责任制: the first-responsible officer hands the matter over to another officer, on the record; the department
/// head may hand over any of the department's matters, always to an approver or window clerk of the application's
/// department whose account is in use. The new owner is told.
/// </summary>
public sealed class HandOverApplication(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, TimeProvider time) : IUseCase
{
    private readonly ApplicationDesk _desk = new(db, calendars, notifier, time);

    public async Task<Result<Application>> HandleAsync(Guid id, string? to, Officer officer, CancellationToken cancellationToken = default)
    {
        if (FieldErrors.OverLimit(LicensingRefusals.TextTooLong, ("to", to, IdentityRules.MaxUserNameLength, "接办人账户")) is { } tooLong)
        {
            return tooLong;
        }

        var receiver = to?.Trim() ?? string.Empty;
        var department = await db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => a.DepartmentCode).FirstOrDefaultAsync(cancellationToken);
        var receiverIsOfficer = department is not null && receiver.Length > 0 && await db.OfficersOf(department).AnyAsync(o => o.UserName == receiver, cancellationToken);
        return await _desk.ActAsync(id, officer, Desk.Window, new(DepartmentOverview.HandedOver, (a, day) => a.HandOver(officer.Actor.UserName, receiver, day.ByHead, receiverIsOfficer), a => $"首办责任人移交给 {a.Owner}") { TellApplicant = false, AsksForHead = true }, cancellationToken);
    }
}
