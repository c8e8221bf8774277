using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.Catalog;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing.Verifications;

internal sealed class VerificationConfiguration : IEntityTypeConfiguration<Verification>
{
    public void Configure(EntityTypeBuilder<Verification> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(v => v.Outcome).HasConversion<string>().HasMaxLength(12);
        builder.Property(v => v.PermitNumber).HasMaxLength(PermitNumbers.MaxLength);
        builder.Property(v => v.Uscc).HasMaxLength(18);
        builder.Property(v => v.HolderName).HasMaxLength(200);
        builder.Property(v => v.ItemCode).HasMaxLength(30);
        builder.Property(v => v.ItemName).HasMaxLength(200);
        builder.Property(v => v.DepartmentCode).HasMaxLength(20);
        builder.Property(v => v.Findings).HasMaxLength(Verification.MaxFindingsLength);
        builder.Property(v => v.CheckedBy).HasMaxLength(100);
        builder.Property(v => v.Attachments).HasJsonConversion();
        builder.Property(v => v.Revision).IsConcurrencyToken();

        // One verification per application: issuing twice (a retried call) cannot queue a second.
        builder.HasIndex(v => v.ApplicationId).IsUnique();

        // The department's queue: open ones by due date.
        builder.HasIndex(v => new { v.DepartmentCode, v.CheckedOn, v.DueOn });
    }
}
