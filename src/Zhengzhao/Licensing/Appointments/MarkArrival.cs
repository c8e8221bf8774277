using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing.Appointments;

/// <summary>
/// 到场 / 未到场: the window clerk marks a booking of the day at its window's halls; a booking elsewhere is not
/// found, whatever its day, so the clerk learns nothing of it. An arrival leaves the place
/// taken (the applicant is being served); a no-show does too, since the slot's time has been spent either way.
/// </summary>
public sealed class MarkArrival(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public async Task<Result<Booking>> HandleAsync(Guid bookingId, bool arrived, Window window, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(actor);
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.Id == bookingId && window.Halls(db.ServiceHalls).Any(h => h.Id == b.HallId), cancellationToken);
        if (booking is null)
        {
            return AppointmentRefusals.BookingNotFound();
        }

        var marked = booking.Mark(arrived, actor.UserName, time.GetUtcNow());
        if (!marked.IsSuccess)
        {
            return marked;
        }

        db.Record(actor, time, arrived ? "appointments.arrived" : "appointments.no-show", nameof(Booking), booking.Id.ToString(), $"{booking.Uscc} 预约 {booking.Number}：{BookingRules.Name(booking.State)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return AppointmentRefusals.Changed();
        }

        return booking;
    }
}
