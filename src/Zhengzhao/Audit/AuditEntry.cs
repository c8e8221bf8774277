using Zhengzhao.Common;

namespace Zhengzhao.Audit;

/// <summary>
/// One recorded state change. Entries are appended only; <see cref="Sequence"/> and <see cref="Hash"/> are
/// assigned when the entry is saved, chaining it to the one before so that a removed or altered entry is detected.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Actor = Action = EntityType = EntityId = Summary = PreviousHash = Hash = string.Empty;
    }

    private AuditEntry(string actor, string action, string entityType, string entityId, string summary, DateTime time)
    {
        Actor = Truncate(actor, 100);
        Action = Truncate(action, 100);
        EntityType = Truncate(entityType, 100);
        EntityId = Truncate(entityId, 200);
        Summary = Truncate(summary, 1000);
        Time = AuditChain.Normalise(time);
        PreviousHash = Hash = string.Empty;
    }

    /// <summary>The row's identity; several entries may wait in one unit of work before they get their sequence.</summary>
    public Guid Id { get; private set; } = SequentialGuid.Next();

    public long Sequence { get; private set; }

    public DateTime Time { get; private set; }

    /// <summary>The user name of the person who acted, or <c>system</c>.</summary>
    public string Actor { get; private set; }

    public string Action { get; private set; }

    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    /// <summary>A short before/after account of the change, in Chinese for the people who read the trail.</summary>
    public string Summary { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    /// <summary>The chain key the entry was sealed with (ADR 28); null on entries sealed before keys, with plain SHA-256.</summary>
    public string? KeyId { get; private set; }

    public static AuditEntry Record(string actor, string action, string entityType, string entityId, string summary, DateTime time) =>
        new(actor, action, entityType, entityId, summary, time);

    /// <summary>
    /// Links the entry after <paramref name="previousHash"/> and seals it with the ring's current key. Without a ring it
    /// is sealed as entries were before ADR 28 (plain SHA-256): only tests of legacy chains and the benchmark's baseline do.
    /// </summary>
    internal void Seal(long sequence, string previousHash, AuditKeyRing? keys)
    {
        Sequence = sequence;
        PreviousHash = previousHash;
        KeyId = keys?.CurrentKeyId;
        Hash = AuditChain.HashOf(this, keys)!;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
