using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Coordination;

internal sealed class PushCopyConfiguration : IEntityTypeConfiguration<PushCopy>
{
    public void Configure(EntityTypeBuilder<PushCopy> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Uscc).HasMaxLength(18);
        builder.Property(c => c.ItemCode).HasMaxLength(30);
        builder.Property(c => c.DepartmentCode).HasMaxLength(20);
        builder.Property(c => c.EventId).HasMaxLength(100);
        builder.Property(c => c.AcknowledgedBy).HasMaxLength(100);
        builder.Property(c => c.AcknowledgedOn).IsConcurrencyToken();
        builder.HasIndex(c => new { c.PushId, c.DepartmentCode }).IsUnique();
        builder.HasIndex(c => new { c.DepartmentCode, c.AcknowledgedOn });
        builder.HasOne<Push>().WithMany().HasForeignKey(c => c.PushId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Department>().WithMany().HasForeignKey(c => c.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
    }
}
