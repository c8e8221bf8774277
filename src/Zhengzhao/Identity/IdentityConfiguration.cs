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

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(6);
        builder.Property(r => r.Name).HasMaxLength(50);
        builder.Property(r => r.ParentCode).HasMaxLength(6);
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.ParentCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(20);
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.Property(d => d.ShortName).HasMaxLength(50);
        builder.Property(d => d.RegionCode).HasMaxLength(6);
        builder.HasIndex(d => d.Name).IsUnique();
        builder.HasOne<Region>().WithMany().HasForeignKey(d => d.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
