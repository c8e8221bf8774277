namespace Zhengzhao.Coordination.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Whether this instance runs the background dispatcher (off in tests, which drive passes themselves).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between passes over the outbox.</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>Attempts before a message is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Seconds a receiver has to answer one delivery.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Messages one pass claims at most.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// The departments' own networks (CIDRs such as <c>10.20.0.0/16</c>, or single addresses) that webhooks may reach
    /// although they are private: by default no internal address is reachable (ADR 27).
    /// </summary>
    public IReadOnlyList<string> AllowedNetworks { get; set; } = [];

    /// <summary>Only https addresses are set and posted to; plain http only where this is off (Development, tests).</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>
    /// How long a claim holds: past it, another instance may take the message over (this one having died). It must
    /// outlast one delivery, so it is the timeout plus half a minute.
    /// </summary>
    public TimeSpan Lease => TimeSpan.FromSeconds(TimeoutSeconds + 30);
}
