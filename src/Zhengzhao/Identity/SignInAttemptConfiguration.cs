using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengzhao.Identity;

internal sealed class SignInAttemptConfiguration : IEntityTypeConfiguration<SignInAttempt>
{
    public void Configure(EntityTypeBuilder<SignInAttempt> builder)
    {
        builder.ToTable("SignInAttempts");
        builder.HasKey(a => a.Key);
        builder.Property(a => a.Key).HasMaxLength(SignInAttempt.MaxKeyLength);
    }
}
