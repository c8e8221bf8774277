using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Coordination.Webhooks;

internal sealed class OutboundMessageConfiguration : IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<OutboundMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.DepartmentCode).HasMaxLength(20);
        builder.Property(m => m.EventType).HasMaxLength(50);
        builder.Property(m => m.Payload).HasMaxLength(20000);

        // Checked on save: a dispatcher whose lease ran out and was taken over does not overwrite the new holder's outcome.
        builder.Property(m => m.LeasedBy).HasMaxLength(100).IsConcurrencyToken();
        builder.Property(m => m.LastError).HasMaxLength(OutboundMessage.MaxErrorLength);
        builder.Ignore(m => m.State);

        // The dispatcher's question: what is due and not yet settled.
        builder.HasIndex(m => new { m.DeliveredAt, m.DeadAt, m.NextAttemptAt });
        builder.HasIndex(m => new { m.DepartmentCode, m.CreatedAt });
        builder.HasOne<Department>().WithMany().HasForeignKey(m => m.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
    }
}
