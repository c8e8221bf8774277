using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Credit;

internal sealed class DisciplineRuleConfiguration : IEntityTypeConfiguration<DisciplineRule>
{
    public void Configure(EntityTypeBuilder<DisciplineRule> builder)
    {
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(20);
        builder.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Restriction).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.AppliesIn).HasMaxLength(100);
        builder.Property(r => r.Basis).HasMaxLength(500);
        builder.HasData(DisciplineRule.Shipped);
    }
}
