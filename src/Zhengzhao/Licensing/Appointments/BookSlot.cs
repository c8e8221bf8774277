using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Catalog;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing.Appointments;

/// <summary>
/// 预约: an applicant takes a place in a slot for its company. Overbooking is impossible because the capacity check
/// and the increment are one conditional UPDATE (<c>Booked = Booked + 1 WHERE Booked &lt; Capacity</c>) in the same
/// transaction as the booking row: the database lets one of two racing requests through for the last place, and a
/// failed insert rolls the increment back (ADR 14). Idempotent on the client's key: a retry gets the same booking.
/// </summary>
public sealed class BookSlot(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public sealed record Command(Guid SlotId, string? Uscc, string? ItemCode, string? IdempotencyKey, Actor Actor);

    /// <summary>As long as a catalogue code may be.</summary>
    public const int MaxItemCodeLength = 30;

    /// <summary>The booking, and whether it was made by an earlier request with the same key.</summary>
    public sealed record Booked(Booking Booking, bool IsReplay);

    public async Task<Result<Booked>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrEmpty(command.Uscc))
        {
            return AppointmentRefusals.NoEnterprise();
        }

        var key = string.IsNullOrWhiteSpace(command.IdempotencyKey) ? null : command.IdempotencyKey.Trim();
        if (key is { Length: > Booking.MaxIdempotencyKeyLength })
        {
            return AppointmentRefusals.Invalid("Idempotency-Key", $"Idempotency-Key 不能超过 {Booking.MaxIdempotencyKeyLength} 个字符。");
        }

        var slot = await db.Slots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == command.SlotId, cancellationToken);
        if (slot is null)
        {
            return AppointmentRefusals.SlotNotFound();
        }

        string? itemName = null;
        var itemCode = string.IsNullOrWhiteSpace(command.ItemCode) ? null : command.ItemCode.Trim();
        if (itemCode is { Length: > MaxItemCodeLength })
        {
            return AppointmentRefusals.Invalid("itemCode", $"事项编码不超过 {MaxItemCodeLength} 个字符。");
        }

        if (itemCode is not null)
        {
            itemName = await db.PublishedVersions().Where(v => v.ItemCode == itemCode).OrderByDescending(v => v.Number).Select(v => v.Name).FirstOrDefaultAsync(cancellationToken);
            if (itemName is null)
            {
                return AppointmentRefusals.Invalid("itemCode", $"事项目录中没有已发布的事项“{itemCode}”。");
            }
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // One company's requests take turns, so its limit of active bookings holds when it books two slots at once.
        // SQLite needs no lock: its write transaction (BEGIN IMMEDIATE) already serialises every writer.
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(727002, hashtext({command.Uscc}))", cancellationToken);
        }

        if (await ReplayAsync(command.Uscc, key, slot.Id, cancellationToken) is { } replay)
        {
            return replay;
        }

        var today = DateOnly.FromDateTime(now.ToOffset(ChinaTime.Offset).DateTime);
        var held = await db.Bookings.AsNoTracking()
            .Where(b => b.Uscc == command.Uscc && b.State == BookingState.Active && b.Date >= today)
            .ToListAsync(cancellationToken);
        var refusal = BookingRules.Check(slot, now, held.Count(b => b.StartsAt > now), held.Any(b => b.SlotId == slot.Id));
        if (refusal is not null)
        {
            return refusal;
        }

        var taken = await db.Slots.Where(s => s.Id == slot.Id && !s.IsWithdrawn && s.Booked < s.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked + 1), cancellationToken);
        if (taken == 0)
        {
            return AppointmentRefusals.Full(slot);
        }

        var booking = new Booking(slot, command.Uscc, itemCode, itemName, key, command.Actor.UserName, now.UtcDateTime);
        db.Bookings.Add(booking);
        db.Record(command.Actor, time, "appointments.booked", nameof(Booking), booking.Id.ToString(), $"{command.Uscc} 预约 {slot.Date:yyyy-MM-dd} {slot.Start:HH\\:mm}-{slot.End:HH\\:mm}{(slot.IsExtended ? "（延时服务）" : string.Empty)}，预约号 {booking.Number}{(itemName is null ? string.Empty : "，事项：" + itemName)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The increment goes back with the row: a unique index caught a double booking the checks above did not see.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await ReplayAsync(command.Uscc, key, slot.Id, cancellationToken)
                ?? (Result<Booked>)AppointmentRefusals.AlreadyBooked();
        }

        await transaction.CommitAsync(cancellationToken);
        return new Booked(booking, IsReplay: false);
    }

    /// <summary>The booking an earlier request with the same key made; a key reused for another slot is a conflict.</summary>
    private async Task<Result<Booked>?> ReplayAsync(string uscc, string? key, Guid slotId, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            return null;
        }

        var earlier = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Uscc == uscc && b.IdempotencyKey == key, cancellationToken);
        return earlier is null ? null
            : earlier.SlotId == slotId ? new Booked(earlier, IsReplay: true)
            : AppointmentRefusals.KeyReused();
    }
}
