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
            .ValidateOnStart();
        services.AddScoped<WebhookDispatcher>();

        // No redirects: a receiver's 3xx could send a signed event (and its company data) to an address nobody checked.
        services.AddHttpClient(WebhookDispatcher.HttpClientName, (provider, client) =>
                client.Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<WebhookOptions>>().Value.TimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        if (section.GetValue(nameof(WebhookOptions.Enabled), defaultValue: true))
        {
            services.AddHostedService<WebhookDispatcherService>();
        }

        return services;
    }
}
