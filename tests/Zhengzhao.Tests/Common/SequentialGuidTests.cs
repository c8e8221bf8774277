using Zhengzhao.Common;

namespace Zhengzhao.Tests.Common;

public sealed class SequentialGuidTests
{
    [Fact]
    public void Ids_made_in_one_burst_increase_as_PostgreSQL_and_SQLite_order_them()
    {
        var ids = Enumerable.Range(0, 20_000).Select(_ => SequentialGuid.Next()).ToList();

        // uuid compares byte by byte; SQLite holds a Guid as upper-case text.
        Assert.Equal(ids.Select(Bytes), ids.Select(Bytes).Order(Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b))));
        Assert.Equal(ids.Select(Text), ids.Select(Text).Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void An_id_is_a_version_7_uuid_stamped_with_the_current_millisecond()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var id = SequentialGuid.Next();
        var bytes = Bytes(id);
        var stamped = ((long)bytes[0] << 40) | ((long)bytes[1] << 32) | ((long)bytes[2] << 24) | ((long)bytes[3] << 16) | ((long)bytes[4] << 8) | bytes[5];

        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, bytes[8] >> 6);
        Assert.InRange(stamped, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1);
    }

    [Fact]
    public async Task Ids_made_on_many_threads_at_once_are_all_distinct()
    {
        var batches = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Enumerable.Range(0, 5_000).Select(_ => SequentialGuid.Next()).ToList())));

        Assert.Equal(40_000, batches.SelectMany(b => b).Distinct().Count());
        Assert.All(batches, b => Assert.Equal(b.Select(Text), b.Select(Text).Order(StringComparer.Ordinal)));
    }

    private static byte[] Bytes(Guid id) => id.ToByteArray(bigEndian: true);

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();
}
