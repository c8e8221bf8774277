using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Licensing;

internal sealed class PermitConfiguration : IEntityTypeConfiguration<Permit>
{
    public void Configure(EntityTypeBuilder<Permit> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Number).HasMaxLength(PermitNumbers.MaxLength);
        builder.Property(p => p.Revision).IsConcurrencyToken();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(p => p.Uscc).HasMaxLength(18);
        builder.Property(p => p.HolderName).HasMaxLength(100);
        builder.Property(p => p.ItemCode).HasMaxLength(30);
        builder.Property(p => p.ItemName).HasMaxLength(100);
        builder.Property(p => p.PermitName).HasMaxLength(200);
        builder.Property(p => p.Scope).HasMaxLength(Permit.MaxScopeLength);
        builder.Property(p => p.DepartmentCode).HasMaxLength(20);
        builder.Property(p => p.IssuedBy).HasMaxLength(100);
        builder.Property(p => p.Ending).HasJsonConversion();
        builder.Property<List<PermitEdition>>("Editions").HasColumnName("History").HasJsonConversion();
        builder.Ignore(p => p.History);

        builder.HasIndex(p => p.Number).IsUnique();

        // One permit per application, however often the decision flow calls: the index makes IssuePermit idempotent.
        builder.HasIndex(p => p.ApplicationId).IsUnique();
        builder.HasIndex(p => p.Uscc);
        builder.HasIndex(p => new { p.DepartmentCode, p.IssuedOn });
        builder.HasOne<Department>().WithMany().HasForeignKey(p => p.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
    }
}
