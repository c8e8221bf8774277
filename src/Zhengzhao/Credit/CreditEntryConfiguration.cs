using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Credit;

internal sealed class CreditEntryConfiguration : IEntityTypeConfiguration<CreditEntry>
{
    public void Configure(EntityTypeBuilder<CreditEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Uscc).HasMaxLength(18);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Title).HasMaxLength(CreditEntry.MaxTitleLength);
        builder.Property(e => e.Detail).HasMaxLength(CreditEntry.MaxDetailLength);
        builder.Property(e => e.Authority).HasMaxLength(100);
        builder.Property(e => e.DepartmentCode).HasMaxLength(30);
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(e => e.PublishedLate);
        builder.HasIndex(e => new { e.Uscc, e.ArisenOn });
        builder.HasIndex(e => new { e.Source, e.SourceId }).IsUnique();
        builder.HasIndex(e => new { e.DepartmentCode, e.PublishedOn });
    }
}
