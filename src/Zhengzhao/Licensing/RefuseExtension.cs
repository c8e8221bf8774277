using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>不同意延期: the department head refuses an officer's request for an extension.</summary>
public sealed class RefuseExtension(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, TimeProvider time) : IUseCase
{
    private readonly ApplicationDesk _desk = new(db, calendars, notifier, time);

    public Task<Result<Application>> HandleAsync(Guid id, Officer officer, CancellationToken cancellationToken = default) =>
        _desk.ActAsync(id, officer, Desk.Review, new("licensing.extension-refused", (a, _) => a.RefuseExtension(), _ => "不同意延期") { TellApplicant = false, HeadOnly = "审批延期申请" }, cancellationToken);
}
