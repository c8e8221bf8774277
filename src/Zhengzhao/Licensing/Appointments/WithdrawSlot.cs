using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing.Appointments;

/// <summary>
/// 撤回号源: only a slot nobody holds a place in. An applicant's booking is a promise the hall made, so a slot with
/// bookings stays; the hall serves them (ADR 14). The check and the withdrawal are one conditional UPDATE, so a
/// booking arriving at the same moment either lands first (and the withdrawal is refused) or finds the slot gone.
/// </summary>
public sealed class WithdrawSlot(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public async Task<Result<Slot>> HandleAsync(Guid slotId, string departmentCode, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var mine = db.Slots.Where(s => s.Id == slotId && db.ServiceHalls.Any(h => h.Id == s.HallId && h.DepartmentCode == departmentCode));
        var slot = await mine.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (slot is null || slot.IsWithdrawn)
        {
            return AppointmentRefusals.SlotNotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var withdrawn = await db.Slots.Where(s => s.Id == slotId && s.Booked == 0 && !s.IsWithdrawn)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsWithdrawn, true), cancellationToken);
        if (withdrawn == 0)
        {
            return AppointmentRefusals.SlotHasBookings(slot);
        }

        db.Record(actor, time, "appointments.withdrawn", nameof(Slot), slot.Id.ToString(), $"撤回号源 {slot.Date:yyyy-MM-dd} {slot.Start:HH\\:mm}-{slot.End:HH\\:mm}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await db.Slots.AsNoTracking().FirstAsync(s => s.Id == slotId, cancellationToken);
    }
}
