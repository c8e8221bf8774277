using Zhengzhao.Common;

namespace Zhengzhao.Coordination.Webhooks;

/// <summary>Where an outbound message stands, derived from its times.</summary>
public enum DeliveryState
{
    /// <summary>Waiting for its first attempt.</summary>
    Pending,

    /// <summary>Tried and failed; tried again at <see cref="OutboundMessage.NextAttemptAt"/>.</summary>
    Failing,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Gave up after the maximum attempts: waits in the dead-letter list for a resend.</summary>
    Dead,
}

/// <summary>
/// One event for one department's webhook, written in the transaction of the change it announces (the outbox), then
/// posted by a dispatcher. <see cref="Payload"/> is the exact body sent and signed. The lease
/// (<see cref="LeasedUntil"/>, <see cref="LeasedBy"/>) is taken by one dispatcher at a time, so that of several
/// instances only one sends it.
/// </summary>
public sealed class OutboundMessage
{
    public const int MaxErrorLength = 200;

    private OutboundMessage()
    {
        DepartmentCode = EventType = Payload = string.Empty;
    }

    public OutboundMessage(Guid id, string departmentCode, string eventType, string payload, DateTime createdAt)
    {
        Id = id;
        DepartmentCode = departmentCode;
        EventType = eventType;
        Payload = payload;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string DepartmentCode { get; private set; }

    /// <summary>What happened, e.g. <c>push.created</c>; sent as <c>X-Zhengzhao-Event</c>.</summary>
    public string EventType { get; private set; }

    public string Payload { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public DateTime? LeasedUntil { get; private set; }

    public string? LeasedBy { get; private set; }

    public DateTime? LastAttemptAt { get; private set; }

    public DateTime? DeliveredAt { get; private set; }

    public DateTime? DeadAt { get; private set; }

    /// <summary>The receiver's HTTP status at the last attempt; none when it could not be reached.</summary>
    public int? LastStatus { get; private set; }

    /// <summary>Why the last attempt failed, short: never the receiver's whole answer.</summary>
    public string? LastError { get; private set; }

    public DeliveryState State =>
        DeliveredAt is not null ? DeliveryState.Delivered
        : DeadAt is not null ? DeliveryState.Dead
        : Attempts > 0 ? DeliveryState.Failing
        : DeliveryState.Pending;

    public void Delivered(int status, DateTime at)
    {
        Attempt(status, null, at);
        DeliveredAt = at;
    }

    /// <summary>A failed attempt: tried again after the back-off, or dead once <paramref name="maxAttempts"/> are spent.</summary>
    public void Failed(int? status, string error, DateTime at, int maxAttempts, double jitter)
    {
        ArgumentNullException.ThrowIfNull(error);
        Attempt(status, error.Length > MaxErrorLength ? error[..(MaxErrorLength - 1)] + "…" : error, at);
        if (Attempts >= maxAttempts)
        {
            DeadAt = at;
        }
        else
        {
            NextAttemptAt = at + WebhookRetry.Delay(Attempts, jitter);
        }
    }

    /// <summary>重新发送: a dead message goes back to the queue, due at once, with a fresh set of attempts.</summary>
    public Result<OutboundMessage> Resend(DateTime at)
    {
        if (DeadAt is null)
        {
            return CoordinationRefusals.WebhookNotDead(State == DeliveryState.Delivered);
        }

        DeadAt = null;
        Attempts = 0;
        NextAttemptAt = at;
        LeasedUntil = null;
        LeasedBy = null;
        return this;
    }

    private void Attempt(int? status, string? error, DateTime at)
    {
        Attempts++;
        LastAttemptAt = at;
        LastStatus = status;
        LastError = error;
        LeasedUntil = null;
        LeasedBy = null;
    }
}
