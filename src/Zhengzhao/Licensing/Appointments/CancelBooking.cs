using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing.Appointments;

/// <summary>
/// 取消预约: the company's own booking, until its slot begins; the place goes back to the slot in the same
/// transaction. Another company's booking is "not found", never "forbidden": its existence is not told.
/// </summary>
public sealed class CancelBooking(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public async Task<Result<Booking>> HandleAsync(Guid bookingId, string? uscc, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.Id == bookingId && b.Uscc == uscc, cancellationToken);
        if (booking is null)
        {
            return AppointmentRefusals.BookingNotFound();
        }

        var cancelled = booking.Cancel(actor.UserName, time.GetUtcNow());
        if (!cancelled.IsSuccess)
        {
            return cancelled;
        }

        // The slot first, then the audit chain: the same lock order as a booking, so the two never wait on each other.
        await db.Slots.Where(s => s.Id == booking.SlotId && s.Booked > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked - 1), cancellationToken);
        db.Record(actor, time, "appointments.cancelled", nameof(Booking), booking.Id.ToString(), $"{booking.Uscc} 取消预约 {booking.Number}（{booking.Date:yyyy-MM-dd} {booking.Start:HH\\:mm}）");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return AppointmentRefusals.Changed();
        }

        await transaction.CommitAsync(cancellationToken);
        return booking;
    }
}
