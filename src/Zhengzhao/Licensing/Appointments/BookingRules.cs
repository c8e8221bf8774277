using Zhengzhao.Common;

namespace Zhengzhao.Licensing.Appointments;

/// <summary>Who may take a place in a slot, without I/O. The capacity itself is enforced by the database, atomically.</summary>
public static class BookingRules
{
    /// <summary>A company holds at most this many active bookings for slots yet to begin: places are for visits, not for hoarding.</summary>
    public const int MaxActiveFutureBookings = 3;

    /// <param name="activeFuture">The company's active bookings for slots that have not begun.</param>
    /// <param name="holdsThisSlot">Whether one of them is for this very slot.</param>
    public static Refusal? Check(Slot slot, DateTimeOffset now, int activeFuture, bool holdsThisSlot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        if (slot.IsWithdrawn)
        {
            return AppointmentRefusals.SlotNotFound();
        }

        if (now >= slot.StartsAt)
        {
            return AppointmentRefusals.TooLateToBook(slot);
        }

        if (holdsThisSlot)
        {
            return AppointmentRefusals.AlreadyBooked();
        }

        if (activeFuture >= MaxActiveFutureBookings)
        {
            return AppointmentRefusals.TooManyBookings(MaxActiveFutureBookings);
        }

        return slot.Remaining > 0 ? null : AppointmentRefusals.Full(slot);
    }

    public static string Name(BookingState state) => state switch
    {
        BookingState.Active => "已预约",
        BookingState.Cancelled => "已取消",
        BookingState.Arrived => "已到场",
        BookingState.NoShow => "未到场",
        _ => state.ToString(),
    };
}
