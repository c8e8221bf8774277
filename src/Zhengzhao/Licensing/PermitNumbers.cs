using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>
/// 证号: <c>{department}-{year}-{serial}</c>, e.g. <c>XZ-SYJ-2026-000123</c>. The department code already carries the
/// region (XZ = 西藏), the year is the Beijing year of issue, the serial runs from 1 each year per department in six
/// digits, from the department's <see cref="NumberSequence"/> for permits of that year, taken inside the issuing
/// transaction, so the series has no gaps and no duplicates.
/// </summary>
public static class PermitNumbers
{
    public const int MaxLength = 40;

    public static string Format(string departmentCode, int year, long serial) => NumberSequence.Compose(departmentCode, year, serial);

    /// <summary>Takes the next serial; the caller must hold a transaction, or a failure after it would lose the serial.</summary>
    public static async Task<string> NextAsync(ZhengzhaoDbContext db, string departmentCode, int year, CancellationToken cancellationToken)
    {
        var serial = await NumberSequence.TakeAsync(db, $"permit:{departmentCode}:{year}", cancellationToken);
        return Format(departmentCode, year, serial);
    }
}
