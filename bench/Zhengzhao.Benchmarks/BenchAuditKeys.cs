using System.Security.Cryptography;
using Zhengzhao.Audit;

namespace Zhengzhao.Benchmarks;

/// <summary>Throw-away audit keys (ADR 28) for a benchmark run: the platform refuses to start without them outside Development.</summary>
internal static class BenchAuditKeys
{
    public static AuditKeyRing Ring { get; } = new(new Dictionary<string, byte[]> { ["bench"] = RandomNumberGenerator.GetBytes(AuditKeyRing.MinKeyBytes) }, "bench");

    public static Dictionary<string, string?> Settings(string folder)
    {
        using var checkpointKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new()
        {
            ["Audit:ChainKeys:bench"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(AuditKeyRing.MinKeyBytes)),
            ["Audit:CheckpointSigningKey"] = checkpointKey.ExportPkcs8PrivateKeyPem(),
            ["Audit:CheckpointPublicKey"] = checkpointKey.ExportSubjectPublicKeyInfoPem(),
            ["Audit:CheckpointFolder"] = Path.Combine(folder, "audit-checkpoints"),
            ["Audit:DailyCheckpoint"] = "false",
        };
    }
}
