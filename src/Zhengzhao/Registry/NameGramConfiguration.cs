using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Registry;

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
