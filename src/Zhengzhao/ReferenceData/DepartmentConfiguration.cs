using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.ReferenceData;

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
