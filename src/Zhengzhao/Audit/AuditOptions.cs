namespace Zhengzhao.Audit;

/// <summary>The <c>Audit</c> configuration section (ADR 28, docs/operations.md).</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Chain keys by id, each base64 of at least 32 random bytes (environment: <c>Audit__ChainKeys__2026a</c>).</summary>
    public Dictionary<string, string> ChainKeys { get; set; } = [];

    /// <summary>A folder of chain key files, <c>&lt;id&gt;.key</c> each holding a base64 key; relative to the content root.</summary>
    public string ChainKeyFolder { get; set; } = Path.Combine("data", "audit-keys");

    /// <summary>The key that seals new entries; by default the greatest id in ordinal order (name them by date).</summary>
    public string? CurrentChainKeyId { get; set; }

    /// <summary>Where checkpoints are written, outside the database; the operator ships them elsewhere.</summary>
    public string CheckpointFolder { get; set; } = Path.Combine("data", "audit-checkpoints");

    /// <summary>The private half of the checkpoint key (PEM, EC P-256), or a file holding it.</summary>
    public string? CheckpointSigningKey { get; set; }

    public string? CheckpointSigningKeyFile { get; set; }

    /// <summary>The public half, as the oversight office holds it (PEM), or a file holding it.</summary>
    public string? CheckpointPublicKey { get; set; }

    public string? CheckpointPublicKeyFile { get; set; }

    /// <summary>Whether this instance runs the daily checkpoint (off in tests, which write theirs on demand).</summary>
    public bool DailyCheckpoint { get; set; } = true;
}
