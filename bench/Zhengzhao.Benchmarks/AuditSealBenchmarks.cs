using System.Globalization;
using BenchmarkDotNet.Attributes;
using Zhengzhao.Audit;

namespace Zhengzhao.Benchmarks;

/// <summary>
/// Sealing a unit of work's audit entries (ADR 28): the legacy unkeyed SHA-256 chain (baseline) against the
/// HMAC-SHA-256 chain under a key. A filing seals one to three entries; an import's batch, hundreds.
/// </summary>
[MemoryDiagnoser]
public class AuditSealBenchmarks
{
    private static readonly DateTime Noon = new(2026, 12, 7, 4, 0, 0, DateTimeKind.Utc);

    private AuditEntry[] _entries = [];

    [Params(1, 100, 1000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _entries = [.. Enumerable.Range(1, Entries).Select(i => AuditEntry.Record(
            "demo-windowclerk", "licensing.submitted", "Application", Guid.NewGuid().ToString(), $"草稿 → 已受理（编号 XZ{i.ToString("D8", CultureInfo.InvariantCulture)}），材料齐全，承诺时限 5 个工作日", Noon.AddSeconds(i)))];

    [Benchmark(Baseline = true)]
    public string UnkeyedSha256() => Seal(null);

    [Benchmark]
    public string Hmac() => Seal(BenchAuditKeys.Ring);

    private string Seal(AuditKeyRing? keys)
    {
        var previous = AuditChain.Genesis;
        for (var i = 0; i < _entries.Length; i++)
        {
            _entries[i].Seal(i + 1, previous, keys);
            previous = _entries[i].Hash;
        }

        return previous;
    }
}
