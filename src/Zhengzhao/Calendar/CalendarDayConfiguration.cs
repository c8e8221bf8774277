using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Calendar;

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.HasKey(d => new { d.Layer, d.Date });
        builder.Property(d => d.Layer).HasMaxLength(6);
        builder.Property(d => d.Name).HasMaxLength(50);
    }
}
