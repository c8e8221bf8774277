using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.Identity;
using Zhengzhao.Registry;

namespace Zhengzhao.Coordination;

internal sealed class PushConfiguration : IEntityTypeConfiguration<Push>
{
    public void Configure(EntityTypeBuilder<Push> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Uscc).HasMaxLength(18);
        builder.Property(p => p.ItemCode).HasMaxLength(30);
        builder.Property(p => p.DepartmentCode).HasMaxLength(20);
        builder.Property(p => p.RegionCode).HasMaxLength(6);
        builder.Property(p => p.EventId).HasMaxLength(100);
        builder.Property(p => p.AnsweredBy).HasMaxLength(100);
        builder.Property(p => p.ReturnRemark).HasMaxLength(Push.MaxRemarkLength);
        builder.Property(p => p.Mode).HasConversion<string>().HasMaxLength(20);
        // Checked on save: of two officers answering the same push at once, the second is told it changed.
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(10).IsConcurrencyToken();
        builder.Property(p => p.ReturnReason).HasConversion<string>().HasMaxLength(20);

        // One push per (company, item, department): a re-registration or a redelivery never duplicates it.
        builder.HasIndex(p => new { p.Uscc, p.ItemCode, p.DepartmentCode }).IsUnique();
        builder.HasIndex(p => new { p.DepartmentCode, p.State });
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(p => p.Uscc).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Department>().WithMany().HasForeignKey(p => p.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
    }
}
