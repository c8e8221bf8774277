using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.ReferenceData;

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
