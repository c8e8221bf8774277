using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Licensing;

internal sealed class LicensingEventConfiguration : IEntityTypeConfiguration<LicensingEvent>
{
    public void Configure(EntityTypeBuilder<LicensingEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(40);
        builder.Property(e => e.PermitNumber).HasMaxLength(PermitNumbers.MaxLength);
        builder.Property(e => e.Uscc).HasMaxLength(18);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => e.Uscc);
    }
}
