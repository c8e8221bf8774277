using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Licensing;

internal sealed class MaterialUploadConfiguration : IEntityTypeConfiguration<MaterialUpload>
{
    public void Configure(EntityTypeBuilder<MaterialUpload> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Uscc).HasMaxLength(18);
        builder.Property(u => u.FileName).HasMaxLength(200);
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(u => u.Sha256).HasMaxLength(64);
        builder.Property(u => u.StoredAs).HasMaxLength(200);
        builder.Property(u => u.UploadedBy).HasMaxLength(100);
        builder.HasIndex(u => new { u.Uscc, u.UploadedAt });

        // The sweep's index: only uploads no record has used, the few it may remove, oldest first.
        builder.HasIndex(u => u.UploadedAt).HasFilter("\"InUseSince\" IS NULL").HasDatabaseName("IX_MaterialUploads_Unused");
        builder.HasIndex(u => u.StoredAs);
    }
}
