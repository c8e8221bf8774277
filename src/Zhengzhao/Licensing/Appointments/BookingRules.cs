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
            return new Refusal("appointments/slot-started", "该时段已开始或已过去", $"{slot.Date:yyyy-MM-dd} {slot.Start:HH\\:mm} 的时段已开始或已过去，不能再预约，请选择以后的时段。");
        }

        if (holdsThisSlot)
        {
            return AppointmentRefusals.AlreadyBooked();
        }

        if (activeFuture >= MaxActiveFutureBookings)
        {
            return new Refusal("appointments/too-many-bookings", "有效预约过多", $"每家企业最多同时持有 {MaxActiveFutureBookings} 个未到期的预约。请先办理或取消已有预约后再预约。", RefusalKind.Conflict);
        }

        return slot.Remaining > 0 ? null : AppointmentRefusals.Full(slot);
    }
}
