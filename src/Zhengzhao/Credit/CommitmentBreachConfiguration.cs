using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Credit;

internal sealed class CommitmentBreachConfiguration : IEntityTypeConfiguration<CommitmentBreach>
{
    public void Configure(EntityTypeBuilder<CommitmentBreach> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Uscc).HasMaxLength(18);
        builder.Property(b => b.ItemCode).HasMaxLength(30);
        builder.Property(b => b.Finding).HasMaxLength(1000);
        builder.Property(b => b.RecordedBy).HasMaxLength(100);
        builder.HasIndex(b => new { b.Uscc, b.RepairedOn });
        builder.HasIndex(b => b.ApplicationId).IsUnique();
    }
}
