using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Credit;

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Uscc).HasMaxLength(18);
        builder.Property(r => r.RecordedBy).HasMaxLength(100);
        builder.HasIndex(r => new { r.Uscc, r.Year }).IsUnique();
    }
}
