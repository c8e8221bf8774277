using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Catalog;

internal sealed class RolloutConfiguration : IEntityTypeConfiguration<Rollout>
{
    public void Configure(EntityTypeBuilder<Rollout> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.ItemCode).HasMaxLength(30);
        builder.Property(r => r.RegionCode).HasMaxLength(6);
        builder.Property(r => r.Note).HasMaxLength(200);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LicensingItem>().WithMany().HasForeignKey(r => r.ItemCode).OnDelete(DeleteBehavior.Cascade);
    }
}
