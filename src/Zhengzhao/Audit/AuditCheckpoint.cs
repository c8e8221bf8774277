using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Zhengzhao.Audit;

/// <summary>
/// A signed statement of the chain's head at a time (ADR 28): how many entries, the last sequence and its hash, and
/// the chain key then current. It is written outside the database and signed with a key the chain key's holder does
/// not have, so that whoever can rewrite the database and holds the chain key still cannot cut the newest entries or
/// rebuild the chain without contradicting the last checkpoint.
/// </summary>
public sealed record AuditCheckpoint(long Count, long LastSequence, string Hash, DateTimeOffset Time, string ChainKeyId, string SignerKeyId, string Signature)
{
    public const string Format = "zhengzhao-audit-checkpoint/1";

    /// <summary>The exact text signed: one field a line, in a fixed order, so that anyone can check it with openssl.</summary>
    public string SignedText => SignedTextOf(Count, LastSequence, Hash, Time, ChainKeyId, SignerKeyId);

    internal static string SignedTextOf(long count, long lastSequence, string hash, DateTimeOffset time, string chainKeyId, string signerKeyId) =>
        string.Create(CultureInfo.InvariantCulture, $"{Format}\ncount={count}\nlastSequence={lastSequence}\nhash={hash}\ntime={time.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\nchainKeyId={chainKeyId}\nsigner={signerKeyId}\n");
}

/// <summary>Signing and checking checkpoints: pure functions over the head, the keys and the chain as found.</summary>
public static class AuditCheckpoints
{
    /// <summary>The id of a signing key: the start of the SHA-256 of its public half, so the holder can tell keys apart.</summary>
    public static string KeyIdOf(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
    }

    /// <summary>Signs the head with the private half of the checkpoint key (ECDSA P-256, SHA-256, r‖s).</summary>
    public static AuditCheckpoint Sign(long count, long lastSequence, string hash, DateTimeOffset time, string chainKeyId, ECDsa signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var second = new DateTimeOffset(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var signerKeyId = KeyIdOf(signer);
        var text = AuditCheckpoint.SignedTextOf(count, lastSequence, hash, second, chainKeyId, signerKeyId);
        var signature = signer.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256);
        return new AuditCheckpoint(count, lastSequence, hash, second, chainKeyId, signerKeyId, Convert.ToBase64String(signature));
    }

    /// <summary>Whether the checkpoint was signed by the holder of the private half of <paramref name="publicKey"/>, unchanged.</summary>
    public static bool SignatureHolds(AuditCheckpoint checkpoint, ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(publicKey);
        var signature = new byte[64];
        return Convert.TryFromBase64String(checkpoint.Signature, signature, out var length)
            && publicKey.VerifyData(Encoding.UTF8.GetBytes(checkpoint.SignedText), signature.AsSpan(0, length), HashAlgorithmName.SHA256);
    }

    /// <summary>
    /// What the chain as found contradicts in the checkpoint, in Chinese, or null when it agrees: a bad signature (a
    /// forged or edited checkpoint), fewer entries than counted (the newest were cut), or another hash at the
    /// checkpoint's sequence (the chain was rebuilt).
    /// </summary>
    public static string? Contradiction(AuditCheckpoint checkpoint, ECDsa publicKey, long entries, string? hashAtCheckpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (!SignatureHolds(checkpoint, publicKey))
        {
            return "检查点的签名无效（与督查室持有的公钥不符）：该检查点被伪造或改动。";
        }

        if (entries < checkpoint.Count || hashAtCheckpoint is null)
        {
            return $"审计记录只有 {entries} 条，少于检查点记载的 {checkpoint.Count} 条：最新的记录被删除（截断）。";
        }

        return string.Equals(hashAtCheckpoint, checkpoint.Hash, StringComparison.Ordinal)
            ? null
            : $"第 {checkpoint.LastSequence} 条记录的哈希与检查点记载的不同：审计链在检查点之后被重建。";
    }
}
