using Zhengzhao.Identity;

namespace Zhengzhao.Tests.Identity;

public sealed class SignInAttemptRetentionTests
{
    public static TheoryData<AttemptLimit> Limits => [IdentityRules.PerAccountAtAddress, IdentityRules.PerAccount, IdentityRules.PerAddress];

    [Fact]
    public void A_sign_in_counter_is_kept_for_a_day_after_its_last_attempt() =>
        Assert.Equal(TimeSpan.FromDays(1), IdentityRules.AttemptRetention);

    [Theory]
    [MemberData(nameof(Limits))]
    public void Past_the_retention_no_wait_is_still_running_and_no_failure_still_counts(AttemptLimit limit)
    {
        Assert.True(limit.QuietPeriod <= IdentityRules.AttemptRetention);
        Assert.All(Enumerable.Range(0, limit.LongLockAfter + 2), failures => Assert.True(limit.WaitAfter(failures) <= IdentityRules.AttemptRetention));
    }
}
