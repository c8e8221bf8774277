using Zhengzhao.Common;

namespace Zhengzhao.Licensing.Appointments;

/// <summary>
/// 预约号源: one time window of one hall on one working day, with how many applicants it takes and how many have
/// booked. <see cref="Booked"/> moves only through one conditional UPDATE per booking or cancellation (see
/// <see cref="BookSlot"/>), never through a tracked entity, so two requests cannot both take the last place.
/// </summary>
public sealed class Slot : Audit.IAudited
{
    public const int MaxCapacity = 999;

    private Slot()
    {
    }

    public Slot(Guid hallId, DateOnly date, TimeOnly start, TimeOnly end, int capacity, bool isExtended)
    {
        HallId = hallId;
        Date = date;
        Start = start;
        End = end;
        Capacity = capacity;
        IsExtended = isExtended;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    public Guid HallId { get; private set; }

    public DateOnly Date { get; private set; }

    public TimeOnly Start { get; private set; }

    public TimeOnly End { get; private set; }

    public int Capacity { get; private set; }

    public int Booked { get; private set; }

    /// <summary>延时服务: outside the ordinary hours (lunch time, evening), shown as such to the applicant.</summary>
    public bool IsExtended { get; private set; }

    /// <summary>撤回: no longer offered. Only a slot nobody holds a booking for is withdrawn.</summary>
    public bool IsWithdrawn { get; private set; }

    public int Remaining => IsWithdrawn ? 0 : Math.Max(0, Capacity - Booked);

    /// <summary>When the slot begins, as an instant: bookings and cancellations close then.</summary>
    public DateTimeOffset StartsAt => new(Date.ToDateTime(Start), Common.ChinaTime.Offset);

    /// <summary>Publishing a withdrawn slot's time again offers it again, with the new line's end, capacity and flag.</summary>
    public void Reopen(SlotLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        End = line.End;
        Capacity = line.Capacity;
        IsExtended = line.IsExtended;
        IsWithdrawn = false;
    }
}
