using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Credit;

internal sealed class SeriousListingConfiguration : IEntityTypeConfiguration<SeriousListing>
{
    public void Configure(EntityTypeBuilder<SeriousListing> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Uscc).HasMaxLength(18);
        builder.Property(l => l.EnterpriseName).HasMaxLength(100);
        builder.Property(l => l.Cause).HasConversion<string>().HasMaxLength(40);
        builder.Property(l => l.DecisionNumber).HasMaxLength(Penalty.MaxNumberLength);
        builder.Property(l => l.Facts).HasMaxLength(AbnormalListing.MaxTextLength);
        builder.Property(l => l.DepartmentCode).HasMaxLength(30);
        builder.Property(l => l.Authority).HasMaxLength(100);
        builder.Property(l => l.Remedies).HasMaxLength(300);
        builder.Property(l => l.ListedBy).HasMaxLength(100);
        builder.Property(l => l.LegalRepresentative).HasMaxLength(50);
        builder.Property(l => l.LegalRepresentativeIdProtected).HasMaxLength(1000);
        builder.Property(l => l.RemovalNote).HasMaxLength(AbnormalListing.MaxTextLength);
        builder.Property(l => l.RemovedBy).HasMaxLength(100);
        builder.Property(l => l.RemovedOn).IsConcurrencyToken();
        builder.HasIndex(l => new { l.DepartmentCode, l.DecisionNumber }).IsUnique();
        builder.HasIndex(l => l.Uscc);
        builder.HasIndex(l => l.RepresentativeBarEndsOn);
        builder.HasIndex(l => l.AbnormalListingId).IsUnique();
    }
}
