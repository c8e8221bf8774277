using System.Security.Cryptography;
using Zhengzhao.Audit;

namespace Zhengzhao.Tests.Audit;

public sealed class AuditCheckpointTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 16, 0, 0, TimeSpan.Zero);

    private static readonly string Head = new('a', 64);

    [Fact]
    public void A_checkpoint_of_the_chain_as_it_is_agrees_with_it()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var checkpoint = AuditCheckpoints.Sign(120, 120, Head, At, "2026a", key);

        Assert.True(AuditCheckpoints.SignatureHolds(checkpoint, key));
        Assert.Null(AuditCheckpoints.Contradiction(checkpoint, key, entries: 120, hashAtCheckpoint: Head));
        Assert.Null(AuditCheckpoints.Contradiction(checkpoint, key, entries: 135, hashAtCheckpoint: Head));
    }

    [Fact]
    public void Fewer_entries_than_the_checkpoint_counted_is_a_truncation()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var checkpoint = AuditCheckpoints.Sign(120, 120, Head, At, "2026a", key);

        var cut = AuditCheckpoints.Contradiction(checkpoint, key, entries: 118, hashAtCheckpoint: null);

        Assert.NotNull(cut);
        Assert.Contains("截断", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_hash_at_the_checkpoints_sequence_is_a_rebuilt_chain()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var checkpoint = AuditCheckpoints.Sign(120, 120, Head, At, "2026a", key);

        var rebuilt = AuditCheckpoints.Contradiction(checkpoint, key, entries: 125, hashAtCheckpoint: new string('b', 64));

        Assert.NotNull(rebuilt);
        Assert.Contains("重建", rebuilt, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkpoint_forged_with_another_key_or_edited_after_signing_fails_its_signature()
    {
        using var office = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = AuditCheckpoints.Sign(100, 100, Head, At, "2026a", forger);
        var edited = AuditCheckpoints.Sign(120, 120, Head, At, "2026a", office) with { Count = 100, LastSequence = 100 };

        Assert.False(AuditCheckpoints.SignatureHolds(forged, office));
        Assert.False(AuditCheckpoints.SignatureHolds(edited, office));
        Assert.Contains("签名无效", AuditCheckpoints.Contradiction(forged, office, entries: 100, hashAtCheckpoint: Head), StringComparison.Ordinal);
        Assert.False(AuditCheckpoints.SignatureHolds(forged with { Signature = "not base64!" }, office));
    }

    [Fact]
    public void The_signed_text_is_one_field_a_line_so_it_can_be_checked_by_hand()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var checkpoint = AuditCheckpoints.Sign(3, 3, Head, At.AddTicks(1234567), "2026a", key);

        Assert.Equal(
            $"zhengzhao-audit-checkpoint/1\ncount=3\nlastSequence=3\nhash={Head}\ntime=2026-12-07T16:00:00Z\nchainKeyId=2026a\nsigner={AuditCheckpoints.KeyIdOf(key)}\n",
            checkpoint.SignedText);
    }
}
