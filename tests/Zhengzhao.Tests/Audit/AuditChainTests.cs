using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using Zhengzhao.Audit;

namespace Zhengzhao.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTime Noon = new(2026, 11, 26, 4, 0, 0, DateTimeKind.Utc);

    private static readonly AuditKeyRing Keys = Ring("2026a");

    [Fact]
    public void An_untouched_chain_has_no_break()
    {
        var chain = Chain(5, Keys);

        Assert.Null(AuditChain.FindBreak(chain, Keys));
        Assert.Equal(AuditChain.Genesis, chain[0].PreviousHash);
        Assert.Equal(chain[0].Hash, chain[1].PreviousHash);
        Assert.All(chain, e => Assert.Equal("2026a", e.KeyId));
    }

    [Fact]
    public void A_removed_entry_is_reported_where_the_gap_opens()
    {
        var chain = Chain(5, Keys);
        chain.RemoveAt(2);

        var found = AuditChain.FindBreak(chain, Keys);

        Assert.NotNull(found);
        Assert.Equal(3, found.Sequence);
        Assert.Contains("缺失", found.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_checked_in_batches_continues_from_the_previous_entry()
    {
        var chain = Chain(6, Keys);

        Assert.Null(AuditChain.FindBreak(chain.Skip(3), Keys, chain[2]));
        Assert.NotNull(AuditChain.FindBreak(chain.Skip(3), Keys, chain[1]));
    }

    [Fact]
    public void Hashes_do_not_depend_on_sub_microsecond_time_or_kind()
    {
        // PostgreSQL keeps microseconds and SQLite gives back no kind: the hash must survive both round trips.
        var precise = AuditEntry.Record("a", "x", "T", "1", "s", Noon.AddTicks(7));
        var stored = AuditEntry.Record("a", "x", "T", "1", "s", DateTime.SpecifyKind(Noon, DateTimeKind.Unspecified));
        precise.Seal(1, AuditChain.Genesis, Keys);
        stored.Seal(1, AuditChain.Genesis, Keys);

        Assert.Equal(stored.Hash, precise.Hash);
    }

    [Fact]
    public void A_tampered_entry_is_found_although_its_hash_was_recomputed_without_the_key()
    {
        var chain = Chain(4, Keys);

        // A writer of the database rewrites entry 2 and recomputes the chain from there with a key of its own.
        var forged = Chain(4, Ring("2026a"));
        Set(forged[1], nameof(AuditEntry.Actor), "intruder");
        Reseal(forged, from: 1, Ring("2026a"), chain[0].Hash);

        var found = AuditChain.FindBreak([chain[0], .. forged.Skip(1)], Keys);

        Assert.NotNull(found);
        Assert.Equal(2, found.Sequence);
        Assert.Contains("已被改动", found.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_sealed_before_keys_still_verify_and_the_first_keyed_entry_continues_them()
    {
        var legacy = Chain(3, keys: null);
        var keyed = AuditEntry.Record("admin", "test.changed", "Thing", "4", "3 → 4", Noon.AddMinutes(4));
        keyed.Seal(4, legacy[^1].Hash, Keys);

        Assert.All(legacy, e => Assert.Null(e.KeyId));
        Assert.Null(AuditChain.FindBreak([.. legacy, keyed], Keys));
    }

    [Fact]
    public void A_keyed_entry_rewritten_as_a_legacy_one_is_a_break()
    {
        var chain = Chain(3, Keys);

        // Without the key, the only hash a forger can compute is the legacy SHA-256: so it drops the key id.
        Set(chain[2], nameof(AuditEntry.Summary), "改写");
        chain[2].Seal(3, chain[1].Hash, keys: null);

        var found = AuditChain.FindBreak(chain, Keys);

        Assert.NotNull(found);
        Assert.Equal(3, found.Sequence);
        Assert.Contains("没有密钥标识", found.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_rotation_entries_of_the_old_key_verify_while_it_is_kept_and_are_reported_once_it_is_not()
    {
        var old = Ring("2026a");
        var oldKey = old.KeyFor("2026a")!;
        var newKey = RandomNumberGenerator.GetBytes(32);
        var rotated = new AuditKeyRing(new Dictionary<string, byte[]> { ["2026a"] = oldKey, ["2026b"] = newKey }, "2026b");
        var chain = Chain(2, old);
        var next = AuditEntry.Record("admin", "test.changed", "Thing", "3", "2 → 3", Noon.AddMinutes(3));
        next.Seal(3, chain[1].Hash, rotated);

        Assert.Equal("2026b", next.KeyId);
        Assert.Null(AuditChain.FindBreak([.. chain, next], rotated));
        var lost = AuditChain.FindBreak([.. chain, next], new AuditKeyRing(new Dictionary<string, byte[]> { ["2026b"] = newKey }, "2026b"));
        Assert.NotNull(lost);
        Assert.Equal(1, lost.Sequence);
        Assert.Contains("未持有该密钥", lost.Reason, StringComparison.Ordinal);
    }

    internal static AuditKeyRing Ring(string id) => new(new Dictionary<string, byte[]> { [id] = RandomNumberGenerator.GetBytes(32) }, id);

    internal static List<AuditEntry> Chain(int count, AuditKeyRing? keys)
    {
        var entries = new List<AuditEntry>();
        for (var i = 1; i <= count; i++)
        {
            entries.Add(AuditEntry.Record("admin", "test.changed", "Thing", i.ToString(CultureInfo.InvariantCulture), $"{i - 1} → {i}", Noon.AddMinutes(i)));
        }

        Reseal(entries, from: 0, keys, AuditChain.Genesis);
        return entries;
    }

    private static void Reseal(List<AuditEntry> entries, int from, AuditKeyRing? keys, string previous)
    {
        for (var i = from; i < entries.Count; i++)
        {
            entries[i].Seal(i + 1, previous, keys);
            previous = entries[i].Hash;
        }
    }

    /// <summary>What an UPDATE on the table does: the entry's fields have no setter outside sealing.</summary>
    private static void Set(AuditEntry entry, string property, string value) =>
        typeof(AuditEntry).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(entry, value);
}
