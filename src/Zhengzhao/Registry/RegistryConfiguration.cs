using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Registry;

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> builder)
    {
        builder.HasKey(e => e.Uscc);
        builder.Property(e => e.Uscc).HasMaxLength(18);
        builder.Property(e => e.Name).HasMaxLength(100);
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.LegalRepresentative).HasMaxLength(50);
        builder.Property(e => e.LegalRepresentativeIdProtected).HasMaxLength(1000);
        builder.Property(e => e.LegalRepresentativeIdMasked).HasMaxLength(18);
        builder.Property(e => e.Address).HasMaxLength(200);
        builder.Property(e => e.RegionCode).HasMaxLength(6);
        builder.Property(e => e.RegisteringAuthority).HasMaxLength(100);
        builder.Property(e => e.RegisteredCapital).HasPrecision(18, 4);
        builder.Property(e => e.BusinessScope).HasMaxLength(5000);
        builder.HasIndex(e => e.Name);
        builder.HasIndex(e => e.RegionCode);

        // Only the companies still to be indexed, so the catch-up finds them without reading the register.
        builder.HasIndex(e => e.Uscc, "IX_Enterprises_NameNotIndexed").HasFilter("NOT \"NameIndexed\"");
        builder.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Changes).WithOne().HasForeignKey(c => c.Uscc).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Changes).HasField("_changes").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EnterpriseChangeConfiguration : IEntityTypeConfiguration<EnterpriseChange>
{
    public void Configure(EntityTypeBuilder<EnterpriseChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Uscc).HasMaxLength(18);
        builder.Property(c => c.EventId).HasMaxLength(100);
        builder.Property(c => c.Kind).HasMaxLength(20);
        builder.Property(c => c.Summary).HasMaxLength(4000);

        // One row per delivered event: a redelivery finds it, and two concurrent deliveries cannot both write.
        builder.HasIndex(c => new { c.Uscc, c.EventId }).IsUnique();

        // The credit record's collector reads the register's recent history every half minute.
        builder.HasIndex(c => c.At);
    }
}

internal sealed class NameGramConfiguration : IEntityTypeConfiguration<NameGram>
{
    public void Configure(EntityTypeBuilder<NameGram> builder)
    {
        // The key is the index: a pair's postings are one range, already in code order. No foreign key, whose index
        // on the code alone would double the table; the register never deletes an enterprise.
        builder.HasKey(g => new { g.Gram, g.Uscc });
        builder.Property(g => g.Gram).HasMaxLength(2);
        builder.Property(g => g.Uscc).HasMaxLength(18);
    }
}

internal sealed class NameTrigramConfiguration : IEntityTypeConfiguration<NameTrigram>
{
    public void Configure(EntityTypeBuilder<NameTrigram> builder)
    {
        // The key is the index: a run's postings are one range in code order, and a run at a given place in a given
        // name is one lookup of the whole key. No foreign key, as for the pairs.
        builder.HasKey(t => new { t.Gram, t.Uscc, t.Position });
        builder.Property(t => t.Gram).HasMaxLength(3);
        builder.Property(t => t.Uscc).HasMaxLength(18);
    }
}

/// <summary>
/// On PostgreSQL the name index's keys compare byte by byte (collation C). The database's C.UTF-8 collation compares
/// text through the C library, which made each merge and each probe of postings about twice as slow. The order is
/// the same: UTF-8 bytes sort as the characters' code points, and codes are ASCII. SQLite compares bytes already.
/// </summary>
internal static class NameIndexByteOrder
{
    private const string Collation = "C";

    public static void Apply(ModelBuilder builder)
    {
        builder.Entity<NameGram>().Property(g => g.Gram).UseCollation(Collation);
        builder.Entity<NameGram>().Property(g => g.Uscc).UseCollation(Collation);
        builder.Entity<NameTrigram>().Property(t => t.Gram).UseCollation(Collation);
        builder.Entity<NameTrigram>().Property(t => t.Uscc).UseCollation(Collation);
    }
}

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.FileName).HasMaxLength(200);
        builder.Property(r => r.Sha256).HasMaxLength(64);
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.Ignore(r => r.EventId);
        builder.HasIndex(r => r.StartedAt);
    }
}
