using Microsoft.EntityFrameworkCore;

namespace Zhengzhao.Persistence;

/// <summary>
/// A counter for numbers people read (受理编号, 证号), one row per scope such as a department and year. Taken with
/// one atomic upsert inside the caller's transaction, so two instances never hand out the same number and a rolled
/// back transaction gives its number back.
/// </summary>
public sealed class NumberSequence
{
    private NumberSequence()
    {
        Scope = string.Empty;
    }

    public string Scope { get; private set; }

    public long Next { get; private set; }

    /// <summary>The numbers people read: department, year and a six-digit serial, e.g. <c>XZ-SYJ-2026-000042</c>.</summary>
    public static string Compose(string departmentCode, int year, long serial) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{departmentCode}-{year:D4}-{serial:D6}");

    /// <summary>The next number of the scope: 1 for a new scope. Call inside a transaction.</summary>
    public static async Task<long> TakeAsync(ZhengzhaoDbContext db, string scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A number is taken inside the transaction that uses it.");
        }

        // The same statement on SQLite (3.35+) and PostgreSQL: insert the scope or bump it, and read the value back.
        var taken = await db.Database
            .SqlQuery<long>($"""INSERT INTO "NumberSequences" ("Scope", "Next") VALUES ({scope}, 1) ON CONFLICT ("Scope") DO UPDATE SET "Next" = "NumberSequences"."Next" + 1 RETURNING "Next" AS "Value" """)
            .ToListAsync(cancellationToken);
        return taken.Single();
    }
}
