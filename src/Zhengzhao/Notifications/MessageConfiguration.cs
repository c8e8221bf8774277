using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Notifications;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Mailbox).HasMaxLength(120);
        builder.Property(m => m.Subject).HasMaxLength(Message.MaxSubjectLength);
        builder.Property(m => m.Body).HasMaxLength(Message.MaxBodyLength);
        builder.Property(m => m.Link).HasMaxLength(300);
        builder.HasIndex(m => new { m.Mailbox, m.CreatedAt });
    }
}
