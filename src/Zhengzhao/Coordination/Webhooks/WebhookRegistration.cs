using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Zhengzhao.Coordination.Webhooks;

public static class WebhookRegistration
{
    /// <summary>The dispatcher, its HTTP client, and (when <c>Webhooks:Enabled</c>) the background pass.</summary>
    public static IServiceCollection AddZhengzhaoWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(WebhookOptions.Section);
        services.AddOptions<WebhookOptions>().Bind(section)
            .Validate(o => o is { PollSeconds: > 0, MaxAttempts: > 0, TimeoutSeconds: > 0, BatchSize: > 0 }, "Webhooks: PollSeconds, MaxAttempts, TimeoutSeconds and BatchSize must be positive.")
            .Validate(o => o.AllowedNetworks.All(e => string.IsNullOrWhiteSpace(e) || WebhookTargetRules.TryParseNetwork(e, out _)), "Webhooks:AllowedNetworks must be CIDR networks or IP addresses.")
            .ValidateOnStart();
        services.AddSingleton<WebhookTargetGuard>();
        services.AddScoped<WebhookDispatcher>();

        // No redirects: a receiver's 3xx could send a signed event (and its company data) to an address nobody checked.
        // No proxy, and the guard's own connect step: the address checked is the address connected to (ADR 27).
        services.AddHttpClient(WebhookDispatcher.HttpClientName, (provider, client) =>
                client.Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<WebhookOptions>>().Value.TimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                ConnectCallback = provider.GetRequiredService<WebhookTargetGuard>().ConnectAsync,
            });
        if (section.GetValue(nameof(WebhookOptions.Enabled), defaultValue: true))
        {
            services.AddHostedService<WebhookDispatcherService>();
        }

        return services;
    }
}
