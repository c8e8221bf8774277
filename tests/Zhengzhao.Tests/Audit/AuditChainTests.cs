using Zhengzhao.Audit;

namespace Zhengzhao.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTime Noon = new(2026, 11, 26, 4, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_untouched_chain_has_no_break()
    {
        var chain = Chain(5);

        Assert.Null(AuditChain.FindBreak(chain));
        Assert.Equal(AuditChain.Genesis, chain[0].PreviousHash);
        Assert.Equal(chain[0].Hash, chain[1].PreviousHash);
    }

    [Fact]
    public void A_removed_entry_is_reported_where_the_gap_opens()
    {
        var chain = Chain(5);
        chain.RemoveAt(2);

        var found = AuditChain.FindBreak(chain);

        Assert.NotNull(found);
        Assert.Equal(3, found.Sequence);
        Assert.Contains("缺失", found.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_checked_in_batches_continues_from_the_previous_entry()
    {
        var chain = Chain(6);

        Assert.Null(AuditChain.FindBreak(chain.Skip(3), chain[2]));
        Assert.NotNull(AuditChain.FindBreak(chain.Skip(3), chain[1]));
    }

    [Fact]
    public void Hashes_do_not_depend_on_sub_microsecond_time_or_kind()
    {
        // PostgreSQL keeps microseconds and SQLite gives back no kind: the hash must survive both round trips.
        var precise = AuditEntry.Record("a", "x", "T", "1", "s", Noon.AddTicks(7));
        var stored = AuditEntry.Record("a", "x", "T", "1", "s", DateTime.SpecifyKind(Noon, DateTimeKind.Unspecified));

        Assert.Equal(AuditChain.HashOf(stored), AuditChain.HashOf(precise));
    }

    private static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var entry = AuditEntry.Record("admin", "test.changed", "Thing", i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{i - 1} → {i}", Noon.AddMinutes(i));
            entry.Seal(i, previous);
            previous = entry.Hash;
            entries.Add(entry);
        }

        return entries;
    }
}
