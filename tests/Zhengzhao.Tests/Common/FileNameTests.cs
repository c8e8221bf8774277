using Zhengzhao.Common;

namespace Zhengzhao.Tests.Common;

public sealed class FileNameTests
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\扎西\\营业执照.pdf", "营业执照.pdf")]
    [InlineData("营业\0执照\r\n.pdf", "营业执照.pdf")]
    [InlineData("发票\u202Efdp.exe", "发票fdp.exe")]
    [InlineData("\u2066申请书\u2069\u200E.pdf", "申请书.pdf")]
    [InlineData("  章程.pdf . ", "章程.pdf")]
    [InlineData("", FileNames.Unnamed)]
    [InlineData("\u202E\u0007/", FileNames.Unnamed)]
    [InlineData("...", FileNames.Unnamed)]
    [InlineData(null, FileNames.Unnamed)]
    public void A_shown_name_loses_directories_control_and_direction_characters(string? given, string shown) =>
        Assert.Equal(shown, FileNames.Clean(given));

    [Fact]
    public void An_over_long_name_is_cut_before_its_extension()
    {
        var shown = FileNames.Clean(new string('证', 300) + ".pdf");

        Assert.Equal(FileNames.MaxLength, shown.Length);
        Assert.EndsWith("证.pdf", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_never_splits_a_character_outside_the_basic_plane()
    {
        var shown = FileNames.Clean("a" + string.Concat(Enumerable.Repeat("𠀀", 200)));

        Assert.True(shown.Length <= FileNames.MaxLength);
        Assert.False(char.IsHighSurrogate(shown[^1]));
    }

    [Fact]
    public void A_name_without_a_short_extension_is_cut_at_its_end() =>
        Assert.Equal(new string('x', FileNames.MaxLength), FileNames.Clean(new string('x', 150) + ".averyverylongextension"));
}
