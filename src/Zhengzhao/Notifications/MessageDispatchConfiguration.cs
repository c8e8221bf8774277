using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.Common;

namespace Zhengzhao.Notifications;

internal sealed class MessageDispatchConfiguration : IEntityTypeConfiguration<MessageDispatch>
{
    public void Configure(EntityTypeBuilder<MessageDispatch> builder)
    {
        // The table keeps the name it was created with.
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Channel).HasConversion<string>().HasMaxLength(8);
        builder.Property(n => n.Mailbox).HasMaxLength(120);
        builder.Property(n => n.Subject).HasMaxLength(Message.MaxSubjectLength);
        builder.Property(n => n.Body).HasMaxLength(Message.MaxBodyLength);
        builder.Property(n => n.LastError).HasMaxLength(MessageDispatch.MaxErrorLength);
        builder.Property(n => n.LeasedBy).HasMaxLength(100);
        builder.Property(n => n.Attempts).IsConcurrencyToken();
        builder.HasIndex(n => new { n.SentAt, n.AbandonedAt, n.NextAttemptAt });
    }
}
