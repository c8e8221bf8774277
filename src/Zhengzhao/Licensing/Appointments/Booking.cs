using Zhengzhao.Common;

namespace Zhengzhao.Licensing.Appointments;

public enum BookingState
{
    /// <summary>已预约: holds a place in its slot.</summary>
    Active,

    /// <summary>已取消 by the applicant before the slot began: the place is free again.</summary>
    Cancelled,

    /// <summary>已到场, marked by the window clerk.</summary>
    Arrived,

    /// <summary>未到场 (爽约), marked by the window clerk.</summary>
    NoShow,
}

/// <summary>预约: one company's place in one slot, under a booking number it shows at the window.</summary>
public sealed class Booking : Audit.IAudited
{
    public const int MaxIdempotencyKeyLength = 100;

    private Booking()
    {
        Number = Uscc = BookedBy = string.Empty;
    }

    public Booking(Slot slot, string uscc, string? itemCode, string? itemName, string? idempotencyKey, string bookedBy, DateTime bookedAt)
    {
        ArgumentNullException.ThrowIfNull(slot);
        SlotId = slot.Id;
        HallId = slot.HallId;
        Date = slot.Date;
        Start = slot.Start;
        Uscc = uscc;
        ItemCode = itemCode;
        ItemName = itemName;
        IdempotencyKey = idempotencyKey;
        BookedBy = bookedBy;
        BookedAt = bookedAt;

        // Readable at the window and unique without a counter row to contend on: the slot's day and 40 random bits of the id.
        Number = $"YY{slot.Date:yyyyMMdd}-{Id.ToString("N")[^10..].ToUpperInvariant()}";
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    public string Number { get; private set; }

    public Guid SlotId { get; private set; }

    // The hall, day and time are copied from the slot so the day lists and the active-booking count need no join.
    public Guid HallId { get; private set; }

    public DateOnly Date { get; private set; }

    public TimeOnly Start { get; private set; }

    public string Uscc { get; private set; }

    /// <summary>The catalogue item the visit concerns, if the applicant named one; its name as published that day.</summary>
    public string? ItemCode { get; private set; }

    public string? ItemName { get; private set; }

    public BookingState State { get; private set; }

    /// <summary>The client's <c>Idempotency-Key</c>: a retried request with the same key gets this booking back.</summary>
    public string? IdempotencyKey { get; private set; }

    public string BookedBy { get; private set; }

    public DateTime BookedAt { get; private set; }

    public string? ClosedBy { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public DateTimeOffset StartsAt => new(Date.ToDateTime(Start), ChinaTime.Offset);

    public Result<Booking> Cancel(string by, DateTimeOffset now) =>
        State != BookingState.Active ? AppointmentRefusals.NotActive(this)
        : now >= StartsAt ? AppointmentRefusals.Started()
        : Close(BookingState.Cancelled, by, now);

    /// <summary>到场 or 未到场: the clerk marks it on the slot's own day, once.</summary>
    public Result<Booking> Mark(bool arrived, string by, DateTimeOffset now) =>
        State != BookingState.Active ? AppointmentRefusals.NotActive(this)
        : DateOnly.FromDateTime(now.ToOffset(ChinaTime.Offset).DateTime) != Date ? AppointmentRefusals.NotToday()
        : Close(arrived ? BookingState.Arrived : BookingState.NoShow, by, now);

    private Booking Close(BookingState state, string by, DateTimeOffset now)
    {
        State = state;
        ClosedBy = by;
        ClosedAt = now.UtcDateTime;
        return this;
    }
}
