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

    // Bumped by every edit: a build that read the days before an edit must not be kept after it.
    private long _generation;

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
            if (_calendar is { } built && time.GetUtcNow() - _builtAt < MaxAge)
            {
                return built;
            }

            var generation = Interlocked.Read(ref _generation);
            var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
            var calendar = new WorkCalendar(days);
            if (Interlocked.Read(ref _generation) == generation)
            {
                _calendar = calendar;
                _builtAt = time.GetUtcNow();
            }

            return calendar;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _calendar = null;
    }

    public void Dispose() => _gate.Dispose();
}
