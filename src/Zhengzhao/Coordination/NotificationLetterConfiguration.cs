using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

internal sealed class NotificationLetterConfiguration : IEntityTypeConfiguration<NotificationLetter>
{
    public void Configure(EntityTypeBuilder<NotificationLetter> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Uscc).HasMaxLength(18);
        builder.Property(l => l.CompanyName).HasMaxLength(200);
        builder.Property(l => l.EventId).HasMaxLength(100);
        builder.Property(l => l.SignedBy).HasMaxLength(100);
        builder.Property(l => l.SignatoryName).HasMaxLength(50);
        builder.Property(l => l.SignedFrom).HasMaxLength(45);
        builder.Property(l => l.SignedUndertakingVersion).HasMaxLength(20);
        builder.Property(l => l.SignedDigest).HasMaxLength(64);
        // Checked on save: a double click on "sign" signs once; the second is told it is signed.
        builder.Property(l => l.SignedAt).IsConcurrencyToken();
        builder.Ignore(l => l.IsSigned);

        // The items as they stood on the day of the letter, one JSON document: the letter never changes after.
        builder.Property(l => l.Items).HasJsonConversion();

        // One letter per registration event: a redelivery never issues a second one.
        builder.HasIndex(l => new { l.Uscc, l.EventId }).IsUnique();
    }
}
