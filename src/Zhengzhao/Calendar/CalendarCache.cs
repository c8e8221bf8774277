using Microsoft.EntityFrameworkCore;
using Zhengzhao.Persistence;

namespace Zhengzhao.Calendar;

/// <summary>
/// Holds the built <see cref="WorkCalendar"/> for the whole process: building it reads every announced day, so it is
/// done once and again only after an edit here, or after <see cref="MaxAge"/> so edits made on another instance arrive.
/// </summary>
public sealed class CalendarCache(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private WorkCalendar? _calendar;
    private DateTimeOffset _builtAt;

    public async Task<WorkCalendar> GetAsync(ZhengzhaoDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var current = _calendar;
        if (current is not null && time.GetUtcNow() - _builtAt < MaxAge)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_calendar is null || time.GetUtcNow() - _builtAt >= MaxAge)
            {
                var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
                _calendar = new WorkCalendar(days);
                _builtAt = time.GetUtcNow();
            }

            return _calendar;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _calendar = null;

    public void Dispose() => _gate.Dispose();
}
