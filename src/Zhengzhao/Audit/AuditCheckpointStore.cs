using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Zhengzhao.Audit;

/// <summary>The checkpoint key pair: the public half always (to verify), the private half where checkpoints are signed.</summary>
public sealed class AuditCheckpointKeys(ECDsa verifier, ECDsa? signer)
{
    public ECDsa Verifier { get; } = verifier;

    public ECDsa? Signer { get; } = signer;
}

/// <summary>
/// Checkpoint files in the configured folder: one JSON file each, named so that the newest sorts last. Nothing here is
/// trusted: a file is only what it claims until its signature is checked.
/// </summary>
public sealed class AuditCheckpointStore(string folder)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Folder { get; } = folder;

    /// <summary>Writes the checkpoint; returns the file's name.</summary>
    public async Task<string> WriteAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        Directory.CreateDirectory(Folder);
        var name = string.Create(CultureInfo.InvariantCulture, $"checkpoint-{checkpoint.LastSequence:D12}-{checkpoint.Time.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.json");
        await File.WriteAllBytesAsync(Path.Combine(Folder, name), JsonSerializer.SerializeToUtf8Bytes(checkpoint, Json), cancellationToken);
        return name;
    }

    /// <summary>The newest checkpoint, or null when none was written; an unreadable file is reported as such.</summary>
    public async Task<(AuditCheckpoint? Checkpoint, string? Unreadable)> LatestAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return (null, null);
        }

        var latest = Directory.EnumerateFiles(Folder, "checkpoint-*.json").Order(StringComparer.Ordinal).LastOrDefault();
        if (latest is null)
        {
            return (null, null);
        }

        try
        {
            await using var file = File.OpenRead(latest);
            var checkpoint = await JsonSerializer.DeserializeAsync<AuditCheckpoint>(file, Json, cancellationToken);
            return checkpoint is { Hash: not null, Signature: not null, ChainKeyId: not null, SignerKeyId: not null }
                ? (checkpoint, null)
                : (null, $"检查点文件 {Path.GetFileName(latest)} 内容不完整。");
        }
        catch (JsonException)
        {
            return (null, $"检查点文件 {Path.GetFileName(latest)} 无法读取（格式被改动）。");
        }
    }
}
