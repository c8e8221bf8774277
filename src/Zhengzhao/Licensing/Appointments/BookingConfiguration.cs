using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Licensing.Appointments;

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
