using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Audit;

internal sealed class AuditCheckpointClaimConfiguration : IEntityTypeConfiguration<AuditCheckpointClaim>
{
    public void Configure(EntityTypeBuilder<AuditCheckpointClaim> builder)
    {
        builder.HasKey(c => c.Day);
        builder.Property(c => c.ClaimedBy).HasMaxLength(200);
    }
}
