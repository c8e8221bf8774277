using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Identity;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(50);
        builder.Property(u => u.DepartmentCode).HasMaxLength(20);
        builder.Property(u => u.RegionCode).HasMaxLength(6);
        builder.Property(u => u.EnterpriseUscc).HasMaxLength(18);
        builder.HasOne<Department>().WithMany().HasForeignKey(u => u.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(u => u.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.EnterpriseUscc);
    }
}
