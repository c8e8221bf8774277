using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Registry;

internal sealed class EnterpriseChangeConfiguration : IEntityTypeConfiguration<EnterpriseChange>
{
    public void Configure(EntityTypeBuilder<EnterpriseChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Uscc).HasMaxLength(18);
        builder.Property(c => c.EventId).HasMaxLength(100);
        builder.Property(c => c.Kind).HasMaxLength(20);
        builder.Property(c => c.Summary).HasMaxLength(4000);

        // One row per delivered event: a redelivery finds it, and two concurrent deliveries cannot both write.
        builder.HasIndex(c => new { c.Uscc, c.EventId }).IsUnique();

        // The credit record's collector reads the register's recent history every half minute.
        builder.HasIndex(c => c.At);
    }
}
