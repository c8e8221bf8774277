namespace Zhengzhao.Coordination.Webhooks;

/// <summary>
/// When a failed delivery is tried again: 1, 2, 4, 8 … minutes after the failure, never more than an hour, each
/// stretched by up to a tenth so that deliveries failed together (a receiver that was down) do not return together.
/// </summary>
public static class WebhookRetry
{
    public static readonly TimeSpan First = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan Cap = TimeSpan.FromHours(1);

    public const double MaxJitter = 0.1;

    /// <summary>The wait after the <paramref name="failures"/>-th failure; <paramref name="jitter"/> is a fraction in [0, 1).</summary>
    public static TimeSpan Delay(int failures, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        if (jitter is < 0 or >= 1 || double.IsNaN(jitter))
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "A fraction in [0, 1).");
        }

        // Past 2^6 minutes the cap rules anyway; stopping the doubling there keeps the shift from overflowing.
        var doubled = First * (1L << Math.Min(failures - 1, 6));
        var wait = doubled < Cap ? doubled : Cap;
        return wait + (wait * (jitter * MaxJitter));
    }
}
