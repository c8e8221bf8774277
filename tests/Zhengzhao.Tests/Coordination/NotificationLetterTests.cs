using Zhengzhao.Catalog;
using Zhengzhao.Coordination;

namespace Zhengzhao.Tests.Coordination;

public sealed class NotificationLetterTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);

    private static NotificationLetter Letter(string itemName = "食品经营许可") => new(
        "91540172MA6T2K8P0X",
        "拉萨雪域味道餐饮管理有限公司",
        "evt-1",
        new DateOnly(2026, 11, 26),
        [new LetterItem("SL-014", itemName, "XZ-SYJ", "食品药品监管局", ReformMode.Transparent), new LetterItem("SL-012", "道路货物运输经营许可", "XZ-JTT", "交通运输厅", ReformMode.Commitment)]);

    [Fact]
    public void A_letter_is_signed_once_with_who_when_where_and_what()
    {
        var letter = Letter();

        Assert.True(letter.Sign("demo-applicant", " 扎西 ", "10.0.0.8", At).IsSuccess);

        Assert.Equal(("demo-applicant", "扎西", "10.0.0.8", At, NotificationLetter.UndertakingVersion), (letter.SignedBy!, letter.SignatoryName!, letter.SignedFrom!, letter.SignedAt!.Value, letter.SignedUndertakingVersion!));
        Assert.Equal(letter.Digest(), letter.SignedDigest);
        Assert.Equal("coordination/already-signed", letter.Sign("demo-applicant", "扎西", null, At.AddMinutes(1)).Refusal!.Type);
        Assert.Equal(At, letter.SignedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_signature_needs_the_signatorys_name(string? name)
    {
        var letter = Letter();

        Assert.Equal("coordination/signatory-required", letter.Sign("demo-applicant", name, null, At).Refusal!.Type);
        Assert.False(letter.IsSigned);
    }

    [Fact]
    public void The_digest_is_stable_and_changes_with_the_content()
    {
        Assert.Equal(Letter().Digest(), Letter().Digest());
        Assert.NotEqual(Letter().Digest(), Letter("食品经营许可（变更）").Digest());
        Assert.Matches("^[0-9a-f]{64}$", Letter().Digest());
    }

    [Fact]
    public void A_copy_is_acknowledged_once()
    {
        var push = new Push("91540172MA6T2K8P0X", "SL-014", "XZ-SYJ", "XZ-SWT", "540172", ReformMode.Transparent, "evt-1", new DateOnly(2026, 11, 26));
        var copy = new PushCopy(push, "XZ-SWT");

        Assert.True(copy.Acknowledge("swt-officer", new DateOnly(2026, 11, 27)).IsSuccess);
        Assert.Equal("coordination/already-acknowledged", copy.Acknowledge("swt-officer", new DateOnly(2026, 11, 28)).Refusal!.Type);
        Assert.Equal((push.Id, new DateOnly(2026, 11, 27)), (copy.PushId, copy.AcknowledgedOn!.Value));
    }
}
