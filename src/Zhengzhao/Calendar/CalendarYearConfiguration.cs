using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Calendar;

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> builder)
    {
        builder.HasKey(y => new { y.Layer, y.Year });
        builder.Property(y => y.Layer).HasMaxLength(6);
        builder.Property(y => y.Source).HasMaxLength(500);
    }
}
