namespace Zhengzhao.Common;

/// <summary>
/// A cache of one value built from the database and shared by the whole process, reloaded when it is older than
/// <see cref="MaxAge"/> (so edits made on another instance arrive), when its key changes (a new day), or after
/// <see cref="Invalidate"/> (an edit here). One build at a time; a build that started before an invalidation is
/// returned to its caller but not kept.
/// </summary>
public sealed class ReloadingCache<T>(TimeProvider time) : IDisposable
    where T : class
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (T Value, object? Key, DateTimeOffset BuiltAt)? _current;
    private long _generation;

    public async Task<T> GetAsync(object? key, Func<CancellationToken, Task<T>> build, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (Fresh(key) is { } value)
        {
            return value;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(key) is { } built)
            {
                return built;
            }

            var generation = Interlocked.Read(ref _generation);
            var rebuilt = await build(cancellationToken);
            if (Interlocked.Read(ref _generation) == generation)
            {
                _current = (rebuilt, key, time.GetUtcNow());
            }

            return rebuilt;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _current = null;
    }

    public void Dispose() => _gate.Dispose();

    private T? Fresh(object? key) =>
        _current is { } current && Equals(current.Key, key) && time.GetUtcNow() - current.BuiltAt < MaxAge ? current.Value : null;
}
