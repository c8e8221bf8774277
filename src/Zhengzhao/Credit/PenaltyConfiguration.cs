using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Credit;

internal sealed class PenaltyConfiguration : IEntityTypeConfiguration<Penalty>
{
    public void Configure(EntityTypeBuilder<Penalty> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.DecisionNumber).HasMaxLength(Penalty.MaxNumberLength);
        builder.Property(p => p.Uscc).HasMaxLength(18);
        builder.Property(p => p.DepartmentCode).HasMaxLength(30);
        builder.Property(p => p.LegalBasis).HasMaxLength(Penalty.MaxBasisLength);
        builder.Property(p => p.Facts).HasMaxLength(Penalty.MaxFactsLength);
        builder.Property(p => p.Measure).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Amount).HasPrecision(14, 2);
        builder.Property(p => p.EnteredBy).HasMaxLength(100);
        builder.Ignore(p => p.PublicUntil);
        builder.HasIndex(p => new { p.DepartmentCode, p.DecisionNumber }).IsUnique();
        builder.HasIndex(p => p.Uscc);
    }
}
