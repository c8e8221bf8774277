using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Zhengzhao.Audit;

/// <summary>
/// The chain over audit entries: how an entry's hash is computed and how a run of entries is checked. Entries sealed
/// since ADR 28 carry a key id and an HMAC-SHA-256 under that key, which only the holder of the key can recompute;
/// entries from before carry none and keep their plain SHA-256 (legacy), and may not follow a keyed entry.
/// </summary>
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

    /// <summary>
    /// The entry's hash: the HMAC under its key when it has a key id (null when <paramref name="keys"/> does not hold
    /// that key), else the legacy SHA-256. The key id is part of what is sealed, so it cannot be swapped.
    /// </summary>
    public static string? HashOf(AuditEntry entry, AuditKeyRing? keys)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var fields = new List<string>
        {
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.PreviousHash,
            entry.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            entry.Actor,
            entry.Action,
            entry.EntityType,
            entry.EntityId,
            entry.Summary,
        };
        if (entry.KeyId is null)
        {
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001F', fields))));
        }

        if (keys?.KeyFor(entry.KeyId) is not { } key)
        {
            return null;
        }

        fields.Add(entry.KeyId);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Join('\u001F', fields))));
    }

    /// <summary>
    /// Checks entries in sequence order, continuing from <paramref name="previous"/> (null at the start of the chain),
    /// and returns the first broken link, or null when the run is intact.
    /// </summary>
    public static AuditBreak? FindBreak(IEnumerable<AuditEntry> entries, AuditKeyRing keys, AuditEntry? previous = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(keys);
        var expectedSequence = (previous?.Sequence ?? 0) + 1;
        var expectedPrevious = previous?.Hash ?? Genesis;
        var keyed = previous?.KeyId is not null;
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

            // Re-sealing keyed entries as legacy ones would let a writer without the key rebuild the chain.
            if (keyed && entry.KeyId is null)
            {
                return new AuditBreak(entry.Sequence, $"第 {entry.Sequence} 条记录没有密钥标识，而之前的记录已用密钥封存：该记录被改写。");
            }

            var hash = HashOf(entry, keys);
            if (hash is null)
            {
                return new AuditBreak(entry.Sequence, $"第 {entry.Sequence} 条记录以密钥“{entry.KeyId}”封存，本系统未持有该密钥，无法核验（请在配置中保留轮换前的旧密钥）。");
            }

            if (!string.Equals(hash, entry.Hash, StringComparison.Ordinal))
            {
                return new AuditBreak(entry.Sequence, $"第 {entry.Sequence} 条记录的内容与其哈希不符，该记录已被改动。");
            }

            keyed = entry.KeyId is not null;
            expectedSequence++;
            expectedPrevious = entry.Hash;
        }

        return null;
    }
}

public sealed record AuditBreak(long Sequence, string Reason);
