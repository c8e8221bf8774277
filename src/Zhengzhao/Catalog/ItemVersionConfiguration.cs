using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Catalog;

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
