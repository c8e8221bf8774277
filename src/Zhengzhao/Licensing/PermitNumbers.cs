using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>The last number a department gave its permits in a year: one row per (department, year).</summary>
public sealed class PermitCounter
{
    private PermitCounter()
    {
        DepartmentCode = string.Empty;
    }

    public string DepartmentCode { get; private set; }

    public int Year { get; private set; }

    public int Last { get; private set; }
}

/// <summary>
/// 证号: <c>{department}-{year}-{serial}</c>, e.g. <c>XZ-SYJ-2026-000123</c>. The department code already carries the
/// region (XZ = 西藏), the year is the Beijing year of issue, the serial runs from 1 each year per department in six
/// digits. Serials come from a counter row taken with one atomic <c>UPDATE … RETURNING</c> inside the issuing
/// transaction: two issuers at once queue on the row (PostgreSQL's row lock, SQLite's single writer), and a
/// rolled-back issue gives its serial back, so the series has no gaps and no duplicates.
/// </summary>
public static class PermitNumbers
{
    public const int MaxLength = 40;

    public static string Format(string departmentCode, int year, int serial) =>
        string.Create(CultureInfo.InvariantCulture, $"{departmentCode}-{year:D4}-{serial:D6}");

    /// <summary>Takes the next serial; the caller must hold a transaction, or a failure after it would lose the serial.</summary>
    public static async Task<string> NextAsync(ZhengzhaoDbContext db, string departmentCode, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A permit number is taken inside the transaction that saves the permit.");
        }

        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "PermitCounters" ("DepartmentCode", "Year", "Last") VALUES ({departmentCode}, {year}, 0) ON CONFLICT DO NOTHING""",
            cancellationToken);
        var serial = await db.Database.SqlQuery<int>(
                $"""UPDATE "PermitCounters" SET "Last" = "Last" + 1 WHERE "DepartmentCode" = {departmentCode} AND "Year" = {year} RETURNING "Last" AS "Value" """)
            .ToListAsync(cancellationToken);
        return Format(departmentCode, year, serial.Single());
    }
}
