using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Calendar;

/// <summary>
/// Holds the built <see cref="WorkCalendar"/> for the whole process: building it reads every announced day, so it is
/// done once and again only after an edit here, or after a minute so edits made on another instance arrive.
/// </summary>
public sealed class CalendarCache(TimeProvider time) : IDisposable
{
    private readonly ReloadingCache<WorkCalendar> _calendar = new(time);

    public Task<WorkCalendar> GetAsync(ZhengzhaoDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _calendar.GetAsync(null, async ct => new WorkCalendar(await db.CalendarDays.AsNoTracking().ToListAsync(ct)), cancellationToken);
    }

    public void Invalidate() => _calendar.Invalidate();

    public void Dispose() => _calendar.Dispose();
}
