using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Identity;

/// <summary>
/// The failed sign-ins of one account name or one client address, kept in the database so that every instance
/// behind the load balancer counts the same guesses. A name that has no account gets a row like any other, so the
/// answers and the work do not tell which accounts exist.
/// </summary>
public sealed class SignInAttempt
{
    public const int MaxKeyLength = 80;

    private SignInAttempt()
    {
        Key = string.Empty;
    }

    /// <summary>
    /// <c>account:</c> and the upper-cased user name, <c>address:</c> and the client's address, or <c>pair:</c> and a
    /// digest of both (which keeps the key within its length whatever the name and address).
    /// </summary>
    public string Key { get; private set; }

    /// <summary>Failures in a row, an attempt in flight included: it is counted before the password is checked.</summary>
    public int Failures { get; private set; }

    public DateTime LastAttemptAt { get; private set; }

    /// <summary>No attempt is checked before this time.</summary>
    public DateTime NextAttemptAt { get; private set; }

    /// <summary>For an account, the failures its owner has not yet been shown at a successful sign-in.</summary>
    public int UnseenFailures { get; private set; }

    public DateTime? LastFailureAt { get; private set; }
}

/// <summary>
/// Counts sign-in attempts per address, per account from each address, and per account from all addresses. An attempt claims its place before the password is
/// checked, with a compare-and-set on the row, so a burst of parallel guesses cannot all pass before the first
/// failure is written; a success gives its place back.
/// </summary>
internal static class SignInAttempts
{
    // A lost compare-and-set is re-read a few times; past that the caller is asked to retry in a moment.
    private const int Rounds = 3;
    private static readonly TimeSpan Busy = TimeSpan.FromSeconds(1);

    public static string AccountKey(string userName) => "account:" + userName.Trim().ToUpperInvariant();

    public static string AddressKey(string? address) => "address:" + (string.IsNullOrEmpty(address) ? "unknown" : address);

    public static string PairKey(string accountKey, string addressKey) =>
        "pair:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(accountKey + "\n" + addressKey)));

    /// <summary>Claims an attempt for the key; returns how long to wait instead when the key must wait.</summary>
    public static async Task<TimeSpan?> ClaimAsync(ZhengzhaoDbContext db, string key, AttemptLimit limit, DateTime now, CancellationToken cancellationToken)
    {
        var attempts = db.Set<SignInAttempt>();
        for (var round = 0; round < Rounds; round++)
        {
            var row = await attempts.AsNoTracking().FirstOrDefaultAsync(a => a.Key == key, cancellationToken);
            if (row is null)
            {
                // Two sign-ins from one address at once both find no row: the one whose insert loses claims through
                // the row the other wrote. The insert yields instead of failing, so an expected race is not logged
                // as a failed save with a stack trace. The same statement runs on SQLite (3.24+) and PostgreSQL.
                var nextAttemptAt = now + limit.WaitAfter(1);
                var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
                    $"""INSERT INTO "SignInAttempts" ("Key", "Failures", "LastAttemptAt", "NextAttemptAt", "UnseenFailures") VALUES ({key}, 1, {now}, {nextAttemptAt}, 0) ON CONFLICT ("Key") DO NOTHING""",
                    cancellationToken);
                if (inserted == 1)
                {
                    return null;
                }

                continue;
            }

            if (row.NextAttemptAt > now)
            {
                return row.NextAttemptAt - now;
            }

            var quiet = row.LastFailureAt is not { } last || now - last >= limit.QuietPeriod;
            var failures = quiet ? 1 : row.Failures + 1;
            var next = now + limit.WaitAfter(failures);
            var claimed = await attempts
                .Where(a => a.Key == key && a.Failures == row.Failures && a.LastAttemptAt == row.LastAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Failures, failures).SetProperty(a => a.LastAttemptAt, now).SetProperty(a => a.NextAttemptAt, next), cancellationToken);
            if (claimed == 1)
            {
                return null;
            }
        }

        return Busy;
    }

    public static Task FailedAsync(ZhengzhaoDbContext db, IReadOnlyCollection<string> keys, DateTime now, CancellationToken cancellationToken) =>
        db.Set<SignInAttempt>().Where(a => keys.Contains(a.Key))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UnseenFailures, a => a.UnseenFailures + 1).SetProperty(a => a.LastFailureAt, now), cancellationToken);

    /// <summary>
    /// A sign-in succeeded: the account's counts are cleared and the address gets its place back. Returns the failures
    /// the owner had not yet been shown, and the time of the last, which are now shown.
    /// </summary>
    public static async Task<FailedSignIns> SignedInAsync(ZhengzhaoDbContext db, string accountKey, string addressKey, DateTime now, CancellationToken cancellationToken)
    {
        var attempts = db.Set<SignInAttempt>();
        var account = await attempts.AsNoTracking().FirstOrDefaultAsync(a => a.Key == accountKey, cancellationToken);
        var pairKey = PairKey(accountKey, addressKey);
        await attempts.Where(a => a.Key == accountKey || a.Key == pairKey)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Failures, 0).SetProperty(a => a.UnseenFailures, 0).SetProperty(a => a.NextAttemptAt, now), cancellationToken);
        await attempts.Where(a => a.Key == addressKey)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Failures, a => a.Failures > 0 ? a.Failures - 1 : 0).SetProperty(a => a.NextAttemptAt, now), cancellationToken);
        return new(account?.UnseenFailures ?? 0, account?.LastFailureAt);
    }

    /// <summary>The right password was given where the owner is already signed in: only the count is cleared.</summary>
    public static Task PasswordConfirmedAsync(ZhengzhaoDbContext db, string accountKey, DateTime now, CancellationToken cancellationToken) =>
        db.Set<SignInAttempt>().Where(a => a.Key == accountKey)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Failures, 0).SetProperty(a => a.NextAttemptAt, now), cancellationToken);

    /// <summary>The wait as the Chinese sentence both the form and the API show.</summary>
    public static Refusal TooMany(TimeSpan wait) => new("identity/too-many-attempts", "尝试过于频繁", $"登录尝试过于频繁，请在{Seconds(wait)}秒后再试。", RefusalKind.TooManyRequests) { RetryAfter = wait };

    public static int Seconds(TimeSpan wait) => (int)Math.Ceiling(wait.TotalSeconds);
}

/// <summary>Failed sign-ins since the owner last signed in, shown at the next successful one.</summary>
public sealed record FailedSignIns(int Count, DateTime? LastAt);
