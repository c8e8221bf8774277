using Microsoft.AspNetCore.Identity;

namespace Zhengzhao.Identity;

/// <summary>The password, length and sign-in attempt rules, in one place for the host and the tests.</summary>
public static class IdentityRules
{
    public const int MaxUserNameLength = 50;
    public const int MaxDisplayNameLength = 50;

    /// <summary>Long enough for any pass phrase; a cap keeps a megabyte "password" from being hashed.</summary>
    public const int MaxPasswordLength = 128;

    /// <summary>How long a session or token may outlive the event that ended it: the security stamp is re-read this often.</summary>
    public static readonly TimeSpan StampCheckInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Failures for one account from one client address: a few free tries for a mistyped password, then a doubling
    /// wait, and an hour only after many. A guesser is slowed to a crawl where it stands, while the owner signing in
    /// from anywhere else is not held up by it.
    /// </summary>
    public static readonly AttemptLimit PerAccountAtAddress = new(FreeFailures: 3, LongLockAfter: 20, QuietPeriod: TimeSpan.FromHours(24));

    /// <summary>
    /// Failures for one account from every address together: only many of them, as from a guesser spread over
    /// several addresses, make everyone wait; the owner is told of them at the next sign-in.
    /// </summary>
    public static readonly AttemptLimit PerAccount = new(FreeFailures: 10, LongLockAfter: 50, QuietPeriod: TimeSpan.FromHours(24));

    /// <summary>
    /// Failures per client address: more free tries and a shorter memory, as a whole office may sign in from behind
    /// one address and mistype now and then.
    /// </summary>
    public static readonly AttemptLimit PerAddress = new(FreeFailures: 20, LongLockAfter: 100, QuietPeriod: TimeSpan.FromHours(1));

    /// <summary>
    /// How long a sign-in counter is kept after its last attempt. Its failures stop counting once the longest quiet
    /// period has passed (the next attempt then starts from one, as with no row), and no wait it set outlasts the
    /// longest lock; past both, deleting the row changes no answer.
    /// </summary>
    public static readonly TimeSpan AttemptRetention = new[] { PerAccountAtAddress, PerAccount, PerAddress }
        .Select(limit => limit.QuietPeriod)
        .Append(AttemptLimit.LongLock)
        .Max();

    public static void Apply(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 5;

        // Identity's lockout answered a locked account differently from an unknown one and let anyone lock any
        // account; sign-in attempts are limited by SignInAttempts instead.
        options.Lockout.AllowedForNewUsers = false;
        options.User.RequireUniqueEmail = false;
        options.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>Checks a password's length before it is hashed.</summary>
    public static string? PasswordTooLong(string password) =>
        password.Length > MaxPasswordLength ? $"密码不能超过{MaxPasswordLength}个字符。" : null;

    /// <summary>
    /// 部门负责人 decides (extensions, hand-overs): only an approver of the department may be its head, never its
    /// department administrator (the department's IT administrator) nor an inspector or window clerk.
    /// </summary>
    public static bool MayBeDepartmentHead(string role) => role == Roles.Approver;
}

/// <summary>How many failures in a row are free, when the wait becomes an hour, and how long a quiet spell clears the count.</summary>
public sealed record AttemptLimit(int FreeFailures, int LongLockAfter, TimeSpan QuietPeriod)
{
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan LongLock = TimeSpan.FromHours(1);

    /// <summary>The wait before the next attempt once <paramref name="failures"/> attempts have failed in a row.</summary>
    public TimeSpan WaitAfter(int failures)
    {
        if (failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        if (failures >= LongLockAfter)
        {
            return LongLock;
        }

        var doublings = Math.Min(failures - FreeFailures, 16);
        var wait = FirstWait * (1 << doublings);
        return wait < LongestWait ? wait : LongestWait;
    }
}
