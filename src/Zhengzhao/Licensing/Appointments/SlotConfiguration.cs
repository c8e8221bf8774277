using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Licensing.Appointments;

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
