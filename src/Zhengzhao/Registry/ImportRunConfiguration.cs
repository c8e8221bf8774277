using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Registry;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.FileName).HasMaxLength(200);
        builder.Property(r => r.Sha256).HasMaxLength(64);
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.Ignore(r => r.EventId);
        builder.HasIndex(r => r.StartedAt);
    }
}
