namespace Zhengzhao.Notifications;

/// <summary>The <c>Notifications</c> configuration section.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>
    /// The channels each message is also queued on. Empty keeps messages in the platform only; a channel listed here
    /// needs its adapter (e-mail ships; SMS waits for the government gateway's adapter, and its rows wait in the outbox).
    /// </summary>
    public IList<NotificationChannel> Channels { get; } = [];

    /// <summary>Whether this instance runs the background sender.</summary>
    public bool Enabled { get; set; } = true;

    public int PollSeconds { get; set; } = 30;

    public int MaxAttempts { get; set; } = 6;

    public int BatchSize { get; set; } = 50;

    /// <summary>Working days before each deadline that the officer and the head are warned (default 3 and 1).</summary>
    public IList<int> WarningLeads { get; } = [];

    /// <summary>The leads in force: the configuration binder adds to a list rather than replacing it, so the default lives here.</summary>
    public IReadOnlyList<int> Leads => WarningLeads.Count > 0 ? [.. WarningLeads] : [3, 1];

    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>The e-mail adapter: an SMTP server, or a pickup folder (for a relay that collects .eml files).</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? PickupDirectory { get; set; }

    public string From { get; set; } = "noreply@zhengzhao.xizang.gov.cn";
}
