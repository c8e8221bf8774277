using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Zhengzhao.Audit;

/// <summary>The hash chain over audit entries: how an entry's hash is computed and how a run of entries is checked.</summary>
public static class AuditChain
{
    /// <summary>The hash the first entry points back to.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// Times are kept to the microsecond and without a kind, because that is what both SQLite and PostgreSQL
    /// give back; a hash over more precision than the store keeps would break on the first read.
    /// </summary>
    public static DateTime Normalise(DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }

    public static string HashOf(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var canonical = string.Join(
            '\u001F',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.PreviousHash,
            entry.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            entry.Actor,
            entry.Action,
            entry.EntityType,
            entry.EntityId,
            entry.Summary);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// Checks entries in sequence order, continuing from <paramref name="previous"/> (null at the start of the chain),
    /// and returns the first broken link, or null when the run is intact.
    /// </summary>
    public static AuditBreak? FindBreak(IEnumerable<AuditEntry> entries, AuditEntry? previous = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var expectedSequence = (previous?.Sequence ?? 0) + 1;
        var expectedPrevious = previous?.Hash ?? Genesis;
        foreach (var entry in entries)
        {
            if (entry.Sequence != expectedSequence)
            {
                return new AuditBreak(expectedSequence, $"第 {expectedSequence} 条记录缺失（下一条为第 {entry.Sequence} 条），审计链在此处断开。");
            }

            if (!string.Equals(entry.PreviousHash, expectedPrevious, StringComparison.Ordinal))
            {
                return new AuditBreak(entry.Sequence, $"第 {entry.Sequence} 条记录指向的前一条哈希与实际不符，之前的记录被改动或删除。");
            }

            if (!string.Equals(HashOf(entry), entry.Hash, StringComparison.Ordinal))
            {
                return new AuditBreak(entry.Sequence, $"第 {entry.Sequence} 条记录的内容与其哈希不符，该记录已被改动。");
            }

            expectedSequence++;
            expectedPrevious = entry.Hash;
        }

        return null;
    }
}

public sealed record AuditBreak(long Sequence, string Reason);
