using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zhengzhao.Common;

namespace Zhengzhao.Coordination.Webhooks;

/// <summary>Runs a dispatcher pass every <see cref="WebhookOptions.PollSeconds"/> on every instance; the lease keeps them apart.</summary>
public sealed class WebhookDispatcherService(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookDispatcherService> logger)
    : PeriodicService(scopes, time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<WebhookDispatcher>().DeliverDueAsync(cancellationToken);
}
