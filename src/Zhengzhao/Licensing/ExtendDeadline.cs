using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>
/// 延长期限: the department head (部门负责人, an attribute of the account, not a role) extends the limit once, with a
/// reason the applicant is told; granting an officer's request takes its days and reason.
/// </summary>
public sealed class ExtendDeadline(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, TimeProvider time) : IUseCase
{
    private readonly ApplicationDesk _desk = new(db, calendars, notifier, time);

    public async Task<Result<Application>> HandleAsync(Guid id, int days, string? reason, Officer officer, CancellationToken cancellationToken = default) =>
        FieldErrors.OverLimit(LicensingRefusals.TextTooLong, ("reason", reason, TextLimits.Reason, "延期理由")) is { } tooLong
            ? tooLong
            : await _desk.ActAsync(
                id,
                officer,
                Desk.Review,
                new(
                    "licensing.extended",
                    (a, day) => a.Extend(days, reason, officer.Actor.UserName, day.On, ApplicationClock.Read(day.Calendar, a.RegionCode, a.AcceptedOn ?? day.On, a.Limits, a.Pauses, day.On)),
                    a => $"延长 {a.Extension!.Days} 个工作日：{a.Extension.Reason}")
                {
                    HeadOnly = "延长办理期限",
                },
                cancellationToken);
}
