using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Identity;

/// <summary>
/// Deletes the sign-in counters quiet for longer than <see cref="IdentityRules.AttemptRetention"/>: guessed names
/// that have no account would otherwise pile up for ever. An account's counter holding failures its owner has not
/// yet been shown stays until the owner signs in and sees them. The counters are not audited as they change, so
/// neither is their removal: the attempts themselves are in the trail.
/// </summary>
public sealed class ForgetQuietSignInAttempts(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    /// <summary>Returns how many counters were deleted.</summary>
    public async Task<Result<int>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var before = time.GetUtcNow().UtcDateTime - IdentityRules.AttemptRetention;
        var accountPrefix = SignInAttempts.AccountKey(string.Empty);
        return await db.Set<SignInAttempt>()
            .Where(a => a.LastAttemptAt < before && (a.LastFailureAt == null || a.LastFailureAt < before))
            .Where(a => a.UnseenFailures == 0 || !db.Users.Any(u => accountPrefix + u.NormalizedUserName == a.Key))
            .ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>Forgets quiet sign-in counters every hour on every instance; a second instance finds nothing left to delete.</summary>
public sealed class SignInAttemptCleanupService(IServiceScopeFactory scopes, TimeProvider time, ILogger<SignInAttemptCleanupService> logger)
    : PeriodicService(scopes, time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ForgetQuietSignInAttempts>().HandleAsync(cancellationToken);
}
