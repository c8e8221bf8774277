using System.Text.RegularExpressions;

namespace Zhengzhao.Audit;

/// <summary>
/// The keys the audit chain is sealed with (ADR 28): held outside the database, each with an id that every entry it
/// sealed records, so that a rotated-out key still verifies what it sealed. <see cref="CurrentKeyId"/> seals new entries.
/// </summary>
public sealed partial class AuditKeyRing
{
    /// <summary>An HMAC-SHA-256 key shorter than its output would be the weak point of the chain.</summary>
    public const int MinKeyBytes = 32;

    private readonly Dictionary<string, byte[]> _keys;

    public AuditKeyRing(IReadOnlyDictionary<string, byte[]> keys, string currentKeyId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var (id, key) in keys)
        {
            if (!KeyIdPattern().IsMatch(id))
            {
                throw new InvalidOperationException($"Audit chain key id '{id}' must be 1–32 letters, digits, '.', '_' or '-'.");
            }

            if (key.Length < MinKeyBytes)
            {
                throw new InvalidOperationException($"Audit chain key '{id}' has {key.Length} bytes; at least {MinKeyBytes} are required.");
            }
        }

        _keys = keys.ToDictionary(k => k.Key, k => k.Value.ToArray(), StringComparer.Ordinal);
        CurrentKeyId = _keys.ContainsKey(currentKeyId)
            ? currentKeyId
            : throw new InvalidOperationException($"Audit:CurrentChainKeyId '{currentKeyId}' is not among the configured chain keys.");
    }

    public string CurrentKeyId { get; }

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    public static bool IsValidKeyId(string id) => KeyIdPattern().IsMatch(id);

    /// <summary>The key with the id, or null when this installation does not hold it (an entry it cannot verify).</summary>
    public byte[]? KeyFor(string keyId) => _keys.TryGetValue(keyId, out var key) ? key : null;

    [GeneratedRegex("^[A-Za-z0-9._-]{1,32}$")]
    private static partial Regex KeyIdPattern();
}
