using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.Common;

namespace Zhengzhao.Credit;

internal sealed class AbnormalListingConfiguration : IEntityTypeConfiguration<AbnormalListing>
{
    public void Configure(EntityTypeBuilder<AbnormalListing> builder)
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
        builder.Property(l => l.ListedBy).HasMaxLength(100);
        // Two officers acting at once: the step and the removal are the state they both read; one save wins.
        builder.Property(l => l.Objection).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(l => l.RemovedOn).IsConcurrencyToken();
        builder.Property(l => l.ObjectionReason).HasMaxLength(AbnormalListing.MaxTextLength);
        builder.Property(l => l.ObjectionAnswer).HasMaxLength(AbnormalListing.MaxTextLength);
        builder.Property(l => l.ObjectionOfficer).HasMaxLength(100);
        builder.Property(l => l.RemovedFor).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.RemovalNote).HasMaxLength(AbnormalListing.MaxTextLength);
        builder.Property(l => l.RemovedBy).HasMaxLength(100);
        builder.Ignore(l => l.InForce);
        builder.HasIndex(l => new { l.DepartmentCode, l.DecisionNumber }).IsUnique();
        builder.HasIndex(l => new { l.Uscc, l.RemovedOn });

        // Once per cause while it stands, even for two decisions saved at the same moment.
        builder.HasIndex(l => new { l.Uscc, l.Cause }).IsUnique().HasFilter("\"RemovedOn\" IS NULL").HasDatabaseName("IX_AbnormalListings_Standing");
        builder.HasIndex(l => new { l.RemovedOn, l.ListedOn });
    }
}
