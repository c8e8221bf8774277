using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Notifications;

internal sealed class DeadlineWarningSentConfiguration : IEntityTypeConfiguration<DeadlineWarningSent>
{
    public void Configure(EntityTypeBuilder<DeadlineWarningSent> builder)
    {
        builder.ToTable("DeadlineWarnings");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Kind).HasMaxLength(40);
        builder.HasIndex(w => new { w.SubjectId, w.Kind, w.DueOn, w.Lead }).IsUnique();
    }
}
