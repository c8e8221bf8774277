using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Licensing;

internal sealed class ClockWarningSentConfiguration : IEntityTypeConfiguration<ClockWarningSent>
{
    public void Configure(EntityTypeBuilder<ClockWarningSent> builder)
    {
        builder.ToTable("ClockWarnings");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Deadline).HasConversion<string>().HasMaxLength(12);
        builder.HasIndex(w => new { w.ApplicationId, w.Deadline, w.DueOn, w.Lead }).IsUnique();
    }
}
