using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing.Appointments;

/// <summary>
/// 发布号源: a department admin lays a daily template over a date range of one of its halls. Only working days of the
/// hall's region get slots. Slots that exist are kept as they are (their bookings with them); a withdrawn one is
/// offered again; so publishing the same range twice adds nothing.
/// </summary>
public sealed class PublishSlots(ZhengzhaoDbContext db, CalendarCache calendars, TimeProvider time) : IUseCase
{
    public sealed record Command(Guid HallId, string DepartmentCode, DateOnly From, DateOnly To, IReadOnlyList<SlotLine> Lines, Actor Actor);

    /// <summary>How many slots were added (or offered again), and how many already existed.</summary>
    public sealed record Published(Guid HallId, DateOnly From, DateOnly To, int Added, int Existing, int WorkingDays);

    public async Task<Result<Published>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var hall = await db.ServiceHalls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == command.HallId && h.DepartmentCode == command.DepartmentCode, cancellationToken);
        if (hall is null)
        {
            return AppointmentRefusals.HallNotFound();
        }

        var calendar = await calendars.GetAsync(db, cancellationToken);
        var plan = SlotPlan.Generate(calendar, hall.RegionCode, command.From, command.To, command.Lines, ChinaTime.Today(time));
        if (!plan.IsSuccess)
        {
            return plan.Refusal;
        }

        var existing = await db.Slots.Where(s => s.HallId == hall.Id && s.Date >= command.From && s.Date <= command.To)
            .ToDictionaryAsync(s => (s.Date, s.Start), cancellationToken);
        var added = 0;
        foreach (var planned in plan.Value)
        {
            if (!existing.TryGetValue((planned.Date, planned.Line.Start), out var slot))
            {
                db.Slots.Add(new Slot(hall.Id, planned.Date, planned.Line.Start, planned.Line.End, planned.Line.Capacity, planned.Line.IsExtended));
                added++;
            }
            else if (slot.IsWithdrawn)
            {
                slot.Reopen(planned.Line);
                added++;
            }
        }

        var days = plan.Value.Select(p => p.Date).Distinct().Count();
        var result = new Published(hall.Id, command.From, command.To, added, plan.Value.Count - added, days);
        if (added == 0)
        {
            return result;
        }

        var template = string.Join("，", command.Lines.OrderBy(l => l.Start).Select(l => $"{SlotPlan.Describe(l)}×{l.Capacity}{(l.IsExtended ? "（延时）" : string.Empty)}"));
        db.Record(command.Actor, time, "appointments.published", nameof(ServiceHall), hall.Id.ToString(), $"{hall.Name}：{command.From:yyyy-MM-dd} 至 {command.To:yyyy-MM-dd}，{days} 个工作日，新增号源 {added} 个（{template}）");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another admin published an overlapping range at the same moment; the unique (hall, day, start) kept it single.
            db.ChangeTracker.Clear();
            return AppointmentRefusals.PublishConflict();
        }

        return result;
    }
}
