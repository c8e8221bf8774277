using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.Persistence;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Coordination;

internal sealed class PushConfiguration : IEntityTypeConfiguration<Push>
{
    public void Configure(EntityTypeBuilder<Push> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Uscc).HasMaxLength(18);
        builder.Property(p => p.ItemCode).HasMaxLength(30);
        builder.Property(p => p.DepartmentCode).HasMaxLength(20);
        builder.Property(p => p.IndustryAuthorityCode).HasMaxLength(20);
        builder.Property(p => p.RegionCode).HasMaxLength(6);
        builder.Property(p => p.EventId).HasMaxLength(100);
        builder.Property(p => p.AnsweredBy).HasMaxLength(100);
        builder.Property(p => p.ReturnRemark).HasMaxLength(Push.MaxRemarkLength);
        builder.Property(p => p.Mode).HasConversion<string>().HasMaxLength(20);
        // Checked on save: of two officers answering the same push at once, the second is told it changed.
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(12).IsConcurrencyToken();
        builder.Property(p => p.ReturnReason).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.RedispatchedTo).HasMaxLength(20);
        // The outcome is a concurrency token too: "applying" can be followed by a final outcome, but only once.
        builder.Property(p => p.Outcome).HasConversion<string>().HasMaxLength(12).IsConcurrencyToken();
        builder.Property(p => p.OutcomeBy).HasMaxLength(100);
        builder.Property(p => p.PermitNumber).HasMaxLength(Push.MaxPermitNumberLength);
        builder.Property(p => p.OutcomeNote).HasMaxLength(Push.MaxRemarkLength);
        builder.Ignore(p => p.IsLoopOpen);

        // One push per (company, item, department): a re-registration or a redelivery never duplicates it. The company
        // code is Registry's, not a foreign key: a module's table never references another's, and a company is never
        // deleted from the register (a deregistration is a status), so no push can lose its company.
        builder.HasIndex(p => new { p.Uscc, p.ItemCode, p.DepartmentCode }).IsUnique();
        builder.HasIndex(p => new { p.DepartmentCode, p.State });
        builder.HasIndex(p => p.PushedOn);
        builder.HasOne<Department>().WithMany().HasForeignKey(p => p.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
    }
}
