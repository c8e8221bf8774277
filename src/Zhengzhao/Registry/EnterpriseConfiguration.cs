using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Registry;

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> builder)
    {
        builder.HasKey(e => e.Uscc);
        builder.Property(e => e.Uscc).HasMaxLength(18);
        builder.Property(e => e.Name).HasMaxLength(100);
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.LegalRepresentative).HasMaxLength(50);
        builder.Property(e => e.LegalRepresentativeIdProtected).HasMaxLength(1000);
        builder.Property(e => e.LegalRepresentativeIdMasked).HasMaxLength(18);
        builder.Property(e => e.Address).HasMaxLength(200);
        builder.Property(e => e.RegionCode).HasMaxLength(6);
        builder.Property(e => e.RegisteringAuthority).HasMaxLength(100);
        builder.Property(e => e.RegisteredCapital).HasPrecision(18, 4);
        builder.Property(e => e.BusinessScope).HasMaxLength(5000);
        builder.HasIndex(e => e.Name);
        builder.HasIndex(e => e.RegionCode);

        // Only the companies still to be indexed, so the catch-up finds them without reading the register.
        builder.HasIndex(e => e.Uscc, "IX_Enterprises_NameNotIndexed").HasFilter("NOT \"NameIndexed\"");
        builder.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Changes).WithOne().HasForeignKey(c => c.Uscc).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Changes).HasField("_changes").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
