using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zhengzhao.Common;

namespace Zhengzhao.Notifications;

public static class NotificationRegistration
{
    /// <summary>The notifier, the e-mail adapter when configured, and (when <c>Notifications:Enabled</c>) the background sender.</summary>
    public static IServiceCollection AddZhengzhaoNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(NotificationOptions.Section);
        services.AddOptions<NotificationOptions>().Bind(section)
            .Validate(o => o is { PollSeconds: > 0, MaxAttempts: > 0, BatchSize: > 0 } && o.Leads.All(l => l is >= 1 and <= 20), "Notifications: PollSeconds, MaxAttempts and BatchSize must be positive; warning leads 1 to 20 working days.")
            .ValidateOnStart();
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationDispatcher>();
        if (section.GetSection("Smtp").GetValue<string>("Host") is { Length: > 0 } || section.GetSection("Smtp").GetValue<string>("PickupDirectory") is { Length: > 0 })
        {
            services.AddSingleton<INotificationSender, SmtpEmailSender>();
        }

        if (section.GetValue(nameof(NotificationOptions.Enabled), defaultValue: true))
        {
            services.AddHostedService<NotificationDispatcherService>();
        }

        if (section.GetValue("WarnDeadlines", defaultValue: true))
        {
            services.AddHostedService<DeadlineWarningService>();
        }

        return services;
    }
}

/// <summary>Sends what the outbox holds every <see cref="NotificationOptions.PollSeconds"/>; the lease keeps instances apart.</summary>
public sealed class NotificationDispatcherService(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider time, ILogger<NotificationDispatcherService> logger)
    : PeriodicService(scopes, time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<NotificationDispatcher>().SendDueAsync(cancellationToken);
}

/// <summary>Sends the deadline warnings due every quarter of an hour, on every instance (the unique key keeps each once).</summary>
public sealed class DeadlineWarningService(IServiceScopeFactory scopes, TimeProvider time, ILogger<DeadlineWarningService> logger) : PeriodicService(scopes, time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(15);

    protected override Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SendDeadlineWarnings>().RunAsync(cancellationToken);
}
