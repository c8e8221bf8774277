using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Coordination.Webhooks;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.HasKey(e => e.DepartmentCode);
        builder.Property(e => e.DepartmentCode).HasMaxLength(20);
        builder.Property(e => e.Url).HasMaxLength(WebhookEndpoint.MaxUrlLength);
        builder.Property(e => e.SecretProtected).HasMaxLength(1000);
        builder.Property(e => e.SetBy).HasMaxLength(100);
        builder.HasOne<Department>().WithMany().HasForeignKey(e => e.DepartmentCode).OnDelete(DeleteBehavior.Cascade);
    }
}
