using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;

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

internal sealed class ItemVersionConfiguration : IEntityTypeConfiguration<ItemVersion>
{
    public void Configure(EntityTypeBuilder<ItemVersion> builder)
    {
        // Ids are made by the domain (version 7 GUIDs), so a new version found on a loaded item is an insert.
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.ItemCode).HasMaxLength(30);
        builder.HasIndex(v => new { v.ItemCode, v.Number }).IsUnique();
        builder.Property(v => v.Name).HasMaxLength(100);
        builder.Property(v => v.DepartmentCode).HasMaxLength(20);
        builder.Property(v => v.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.PublishedBy).HasMaxLength(100);
        builder.HasIndex(v => v.Mode);
        builder.HasIndex(v => v.DepartmentCode);
        builder.HasOne<Department>().WithMany().HasForeignKey(v => v.DepartmentCode).OnDelete(DeleteBehavior.Restrict);

        // The whole content as one JSON document: a version is read and written whole, and never changes once published.
        builder.Property(v => v.Content)
            .HasConversion(c => CatalogJson.Write(c), json => CatalogJson.Read(json))
            .Metadata.SetValueComparer(new ValueComparer<ItemContent>(
                (a, b) => CatalogJson.Write(a!) == CatalogJson.Write(b!),
                c => CatalogJson.Write(c).GetHashCode(StringComparison.Ordinal),
                c => CatalogJson.Read(CatalogJson.Write(c))));
    }
}

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

internal sealed class MaterialFileConfiguration : IEntityTypeConfiguration<MaterialFile>
{
    public void Configure(EntityTypeBuilder<MaterialFile> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.FileName).HasMaxLength(200);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.UploadedBy).HasMaxLength(100);
    }
}
