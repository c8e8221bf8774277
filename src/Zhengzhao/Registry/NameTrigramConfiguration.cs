using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Registry;

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
