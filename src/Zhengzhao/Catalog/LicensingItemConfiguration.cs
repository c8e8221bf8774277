using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Catalog;

internal sealed class LicensingItemConfiguration : IEntityTypeConfiguration<LicensingItem>
{
    public void Configure(EntityTypeBuilder<LicensingItem> builder)
    {
        builder.HasKey(i => i.Code);
        builder.Property(i => i.Code).HasMaxLength(30);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.Stamp).IsConcurrencyToken();
        builder.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.ItemCode).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(i => i.Kind);
    }
}
