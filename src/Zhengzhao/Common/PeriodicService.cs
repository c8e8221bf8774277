using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Zhengzhao.Common;

/// <summary>
/// Background work done in passes, on every instance: each pass gets its own scope (and DbContext), and a failing
/// pass (the database briefly away) is logged and retried at the next tick instead of stopping the host. What
/// keeps instances from doing the same work twice is each pass's own business (leases, unique rows).
/// </summary>
public abstract partial class PeriodicService(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunPassAsync(scope.ServiceProvider, stoppingToken);
            }
#pragma warning disable CA1031 // See the summary: the next pass retries.
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                LogPassFailed(logger, GetType().Name, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Service} pass failed; the next pass retries")]
    private static partial void LogPassFailed(ILogger logger, string service, Exception exception);
}
