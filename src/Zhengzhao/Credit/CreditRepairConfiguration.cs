using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.Persistence;

namespace Zhengzhao.Credit;

internal sealed class CreditRepairConfiguration : IEntityTypeConfiguration<CreditRepair>
{
    public void Configure(EntityTypeBuilder<CreditRepair> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Uscc).HasMaxLength(18);
        builder.Property(r => r.EnterpriseName).HasMaxLength(100);
        builder.Property(r => r.Target).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.TargetTitle).HasMaxLength(200);
        builder.Property(r => r.DepartmentCode).HasMaxLength(30);
        builder.Property(r => r.Statement).HasMaxLength(CreditRepair.MaxTextLength);
        builder.Property(r => r.Evidence).HasJsonConversion().HasMaxLength(2000);
        builder.Property(r => r.AppliedBy).HasMaxLength(100);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(12).IsConcurrencyToken();
        builder.Property(r => r.DecidedBy).HasMaxLength(100);
        builder.Property(r => r.Reasons).HasMaxLength(CreditRepair.MaxTextLength);
        builder.HasIndex(r => r.OpenTargetId).IsUnique();
        builder.HasIndex(r => new { r.DepartmentCode, r.State, r.AppliedOn });
        builder.HasIndex(r => r.Uscc);
    }
}
