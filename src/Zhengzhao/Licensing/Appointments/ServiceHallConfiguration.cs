using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Licensing.Appointments;

internal sealed class ServiceHallConfiguration : IEntityTypeConfiguration<ServiceHall>
{
    public void Configure(EntityTypeBuilder<ServiceHall> builder)
    {
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.DepartmentCode).HasMaxLength(20);
        builder.Property(h => h.RegionCode).HasMaxLength(6);
        builder.Property(h => h.Name).HasMaxLength(ServiceHall.MaxNameLength);
        builder.Property(h => h.Address).HasMaxLength(ServiceHall.MaxAddressLength);
        builder.Property(h => h.OpeningHours).HasMaxLength(ServiceHall.MaxOpeningHoursLength);
        builder.HasIndex(h => new { h.DepartmentCode, h.Name }).IsUnique();
        builder.HasOne<Department>().WithMany().HasForeignKey(h => h.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(h => h.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
