using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>恢复计时: the pause ends and the clock counts again.</summary>
public sealed class ResumeClock(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, TimeProvider time) : IUseCase
{
    private readonly ApplicationDesk _desk = new(db, calendars, notifier, time);

    public Task<Result<Application>> HandleAsync(Guid id, Officer officer, CancellationToken cancellationToken = default) =>
        _desk.ActAsync(id, officer, Desk.Review, new("licensing.resumed", (a, day) => a.Resume(day.On), _ => "恢复计时"), cancellationToken);
}
