using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Licensing.Appointments;

internal sealed class ServiceHallConfiguration : IEntityTypeConfiguration<ServiceHall>
{
    public void Configure(EntityTypeBuilder<ServiceHall> builder)
    {
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.DepartmentCode).HasMaxLength(20);
        builder.Property(h => h.RegionCode).HasMaxLength(6);
        builder.Property(h => h.Name).HasMaxLength(ServiceHall.MaxNameLength);
        builder.Property(h => h.Address).HasMaxLength(ServiceHall.MaxAddressLength);
        builder.Property(h => h.OpeningHours).HasMaxLength(ServiceHall.MaxOpeningHoursLength);
        builder.HasIndex(h => new { h.DepartmentCode, h.Name }).IsUnique();
        builder.HasOne<Department>().WithMany().HasForeignKey(h => h.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(h => h.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SlotConfiguration : IEntityTypeConfiguration<Slot>
{
    public void Configure(EntityTypeBuilder<Slot> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Ignore(s => s.Remaining);
        builder.Ignore(s => s.StartsAt);

        // Re-publishing a range never duplicates a slot: one per hall, day and start time.
        builder.HasIndex(s => new { s.HallId, s.Date, s.Start }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_Slots_Booked", "\"Booked\" >= 0 AND \"Booked\" <= \"Capacity\""));
        builder.HasOne<ServiceHall>().WithMany().HasForeignKey(s => s.HallId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Number).HasMaxLength(24);
        builder.Property(b => b.Uscc).HasMaxLength(18);
        builder.Property(b => b.ItemCode).HasMaxLength(30);
        builder.Property(b => b.ItemName).HasMaxLength(200);
        builder.Property(b => b.IdempotencyKey).HasMaxLength(Booking.MaxIdempotencyKeyLength);
        builder.Property(b => b.BookedBy).HasMaxLength(100);
        builder.Property(b => b.ClosedBy).HasMaxLength(100);

        // Checked on save: of a cancellation and an arrival (or two clicks) on the same booking, the second is told it changed.
        builder.Property(b => b.State).HasConversion<string>().HasMaxLength(12).IsConcurrencyToken();
        builder.Ignore(b => b.StartsAt);

        builder.HasIndex(b => b.Number).IsUnique();

        // One active booking per company per slot, and one booking per company and idempotency key, whatever races.
        builder.HasIndex(b => new { b.SlotId, b.Uscc }).IsUnique().HasFilter("\"State\" = 'Active'");
        builder.HasIndex(b => new { b.Uscc, b.IdempotencyKey }).IsUnique().HasFilter("\"IdempotencyKey\" IS NOT NULL");
        builder.HasIndex(b => new { b.Uscc, b.State, b.Date });
        builder.HasIndex(b => new { b.HallId, b.Date });
        builder.HasOne<Slot>().WithMany().HasForeignKey(b => b.SlotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceHall>().WithMany().HasForeignKey(b => b.HallId).OnDelete(DeleteBehavior.Restrict);
    }
}
