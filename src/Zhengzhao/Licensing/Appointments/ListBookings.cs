using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Licensing.Appointments;

/// <summary>
/// The bookings people look at: a company's own, past and future (我的预约); and a window's day (今日预约), the
/// bookings of today at the halls of the clerk's window.
/// </summary>
public sealed class ListBookings(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public sealed record Line(Booking Booking, Slot Slot, string HallName, string HallAddress, string? CompanyName);

    /// <summary>The company's bookings, the coming ones first (soonest first), then the past ones (latest first).</summary>
    public async Task<IReadOnlyList<Line>> MineAsync(string? uscc, CancellationToken cancellationToken = default)
    {
        var lines = await Query(db.Bookings.Where(b => b.Uscc == uscc)).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return lines.OrderBy(l => l.Booking.StartsAt < now).ThenBy(l => l.Booking.StartsAt < now ? -l.Booking.StartsAt.UtcTicks : l.Booking.StartsAt.UtcTicks).ToList();
    }

    /// <summary>One of the company's bookings; another company's is not found.</summary>
    public async Task<Result<Line>> OneAsync(Guid bookingId, string? uscc, CancellationToken cancellationToken = default) =>
        await Query(db.Bookings.Where(b => b.Id == bookingId && b.Uscc == uscc)).FirstOrDefaultAsync(cancellationToken) is { } line
            ? line
            : AppointmentRefusals.BookingNotFound();

    /// <summary>Today's bookings at the window's halls, by hall and time; cancelled ones are left out.</summary>
    public async Task<IReadOnlyList<Line>> TodayAsync(Window window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        var halls = window.Halls(db.ServiceHalls);
        var today = ChinaTime.Today(time);
        var lines = await Query(db.Bookings.Where(b => b.Date == today && b.State != BookingState.Cancelled && halls.Any(h => h.Id == b.HallId)))
            .ToListAsync(cancellationToken);
        return lines.OrderBy(l => l.HallName, StringComparer.Ordinal).ThenBy(l => l.Slot.Start).ThenBy(l => l.Booking.Number, StringComparer.Ordinal).ToList();
    }

    private IQueryable<Line> Query(IQueryable<Booking> bookings)
    {
        var companies = db.RegisteredEnterprises();
        return from b in bookings.AsNoTracking()
               join s in db.Slots on b.SlotId equals s.Id
               join h in db.ServiceHalls on b.HallId equals h.Id
               select new Line(b, s, h.Name, h.Address, companies.Where(e => e.Uscc == b.Uscc).Select(e => e.Name).FirstOrDefault());
    }
}
