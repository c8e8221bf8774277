using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>受理: the window, or the department, accepts a submitted application; its clock starts.</summary>
public sealed class AcceptApplication(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, TimeProvider time) : IUseCase
{
    private readonly ApplicationDesk _desk = new(db, calendars, notifier, time);

    public Task<Result<Application>> HandleAsync(Guid id, Officer officer, CancellationToken cancellationToken = default) =>
        _desk.ActAsync(id, officer, Desk.Window, new("licensing.accepted", (a, day) => a.Accept(officer.Actor.UserName, day.On), a => $"受理（编号 {a.Number}）"), cancellationToken);
}
