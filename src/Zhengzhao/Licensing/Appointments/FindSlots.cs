using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing.Appointments;

/// <summary>A hall's offered slots over a few days, with the places left: what an applicant picks from and an admin watches fill.</summary>
public sealed class FindSlots(ZhengzhaoDbContext db) : IUseCase
{
    /// <summary>At most this many days at once: a page of slots, not the whole year.</summary>
    public const int MaxRangeDays = 31;

    public sealed record Found(ServiceHall Hall, IReadOnlyList<Slot> Slots);

    public async Task<Result<Found>> HandleAsync(Guid hallId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (to < from || to.DayNumber - from.DayNumber + 1 > MaxRangeDays)
        {
            return AppointmentRefusals.Invalid("to", $"查询的日期范围应为 1 至 {MaxRangeDays} 天，结束日期不早于开始日期。");
        }

        var hall = await db.ServiceHalls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, cancellationToken);
        if (hall is null)
        {
            return AppointmentRefusals.HallNotFound();
        }

        var slots = await db.Slots.AsNoTracking()
            .Where(s => s.HallId == hallId && s.Date >= from && s.Date <= to && !s.IsWithdrawn)
            .OrderBy(s => s.Date).ThenBy(s => s.Start)
            .ToListAsync(cancellationToken);
        return new Found(hall, slots);
    }
}
