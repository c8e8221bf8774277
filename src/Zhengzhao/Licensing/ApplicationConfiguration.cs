using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Licensing;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Number).HasMaxLength(40);
        builder.Property(a => a.Revision).IsConcurrencyToken();
        builder.Property(a => a.Uscc).HasMaxLength(18);
        builder.Property(a => a.ItemCode).HasMaxLength(30);
        builder.Property(a => a.DepartmentCode).HasMaxLength(20);
        builder.Property(a => a.RegionCode).HasMaxLength(6);
        builder.Property(a => a.Route).HasConversion<string>().HasMaxLength(12);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.FiledBy).HasMaxLength(100);
        builder.Property(a => a.Owner).HasMaxLength(100);
        builder.Property(a => a.NotAcceptedReason).HasMaxLength(1000);

        // What the process reads whole and never queries inside: one JSON document each.
        builder.Property(a => a.Item).HasJsonConversion();
        builder.Property(a => a.Commitment).HasJsonConversion();
        builder.Property(a => a.Agent).HasJsonConversion();
        builder.Property(a => a.Supplement).HasJsonConversion();
        builder.Property(a => a.Extension).HasJsonConversion();
        builder.Property(a => a.ExtensionRequest).HasJsonConversion();
        builder.Property(a => a.Proposal).HasJsonConversion();
        builder.Property(a => a.Decision).HasJsonConversion();
        builder.Property<List<ClockPause>>("PauseLedger").HasColumnName("Pauses").HasJsonConversion();
        builder.Property<List<StepRecord>>("StepLedger").HasColumnName("Steps").HasJsonConversion();
        builder.Property<Dictionary<string, Guid>>("MaterialSet").HasColumnName("Materials").HasJsonConversion();
        builder.Property<List<Assessment>>("AssessmentLedger").HasColumnName("Assessments").HasJsonConversion();
        builder.Ignore(a => a.Assessments);
        builder.Ignore(a => a.AssessmentsOpen);
        builder.Ignore(a => a.Pauses);
        builder.Ignore(a => a.Steps);
        builder.Ignore(a => a.Materials);
        builder.Ignore(a => a.Uploads);
        builder.Ignore(a => a.MissingMaterials);
        builder.Ignore(a => a.Limits);
        builder.Ignore(a => a.IsClosed);
        builder.Ignore(a => a.IsRenewal);
        builder.Property(a => a.RenewsPermit).HasMaxLength(PermitNumbers.MaxLength);
        builder.Property(a => a.CloserReview).HasMaxLength(Application.MaxCloserReviewLength);

        builder.Property(a => a.IdempotencyKey).HasMaxLength(FileApplication.MaxKeyLength);
        builder.HasIndex(a => a.Number).IsUnique();
        builder.HasIndex(a => new { a.FiledBy, a.IdempotencyKey }).IsUnique();
        builder.HasIndex(a => new { a.Uscc, a.State });
        builder.HasIndex(a => new { a.DepartmentCode, a.State });

        // The renewal sweep looks for open renewals past their permit's last day.
        builder.HasIndex(a => new { a.RenewalLastDay, a.State });

        // The worklist reads a department's applications in due order; closed ones have no due date.
        builder.HasIndex(a => new { a.DepartmentCode, a.DueOn, a.Id });
        builder.HasOne<Department>().WithMany().HasForeignKey(a => a.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
    }
}
