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

    /// <summary>
    /// A checkpoint file is a few hundred bytes; anything much larger was not written here, and is reported rather
    /// than read into memory.
    /// </summary>
    public const int MaxFileBytes = 16 * 1024;

    /// <summary>One file as found: its checkpoint, or why it could not be read.</summary>
    public sealed record Found(string FileName, AuditCheckpoint? Checkpoint, string? Unreadable);

    /// <summary>The newest checkpoint, or null when none was written; an unreadable file is reported as such.</summary>
    public async Task<(AuditCheckpoint? Checkpoint, string? Unreadable)> LatestAsync(CancellationToken cancellationToken)
    {
        var names = Names();
        if (names.Count == 0)
        {
            return (null, null);
        }

        var found = await ReadAsync(names[^1], cancellationToken);
        return (found.Checkpoint, found.Unreadable);
    }

    /// <summary>The names of the checkpoint files, oldest first (their names sort by last sequence, then time).</summary>
    public IReadOnlyList<string> Names() =>
        Directory.Exists(Folder) ? [.. Directory.EnumerateFiles(Folder, "checkpoint-*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)] : [];

    /// <summary>Reads one file of the folder by name, at most <see cref="MaxFileBytes"/> of it.</summary>
    public async Task<Found> ReadAsync(string fileName, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = File.OpenRead(Path.Combine(Folder, Path.GetFileName(fileName)));
            if (file.Length > MaxFileBytes)
            {
                return new(fileName, null, $"检查点文件 {fileName} 过大（{file.Length} 字节），不是本系统签发的检查点。");
            }

            var checkpoint = await JsonSerializer.DeserializeAsync<AuditCheckpoint>(file, Json, cancellationToken);
            return checkpoint is { Hash: not null, Signature: not null, ChainKeyId: not null, SignerKeyId: not null }
                ? new(fileName, checkpoint, null)
                : new(fileName, null, $"检查点文件 {fileName} 内容不完整。");
        }
        catch (JsonException)
        {
            return new(fileName, null, $"检查点文件 {fileName} 无法读取（格式被改动）。");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Removed or locked between listing and reading: reported, so a vanished checkpoint is never silent.
            return new(fileName, null, $"检查点文件 {fileName} 无法打开。");
        }
    }
}
