using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Zhengzhao.Coordination.Webhooks;

/// <summary>Runs a dispatcher pass every <see cref="WebhookOptions.PollSeconds"/> on every instance; the lease keeps them apart.</summary>
public sealed partial class WebhookDispatcherService(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().DeliverDueAsync(stoppingToken);
            }
#pragma warning disable CA1031 // A pass that fails (database briefly away) must not stop the host; the next pass retries.
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                LogPassFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook dispatcher pass failed; the next pass retries")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
