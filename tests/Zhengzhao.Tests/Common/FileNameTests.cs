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

    [Theory]
    [InlineData("\u001B[31m申请书\u001B[0m.pdf", "申请书.pdf")]
    [InlineData("..\\..\\C:/etc/\u0001\u001B[31m\u202Egpj.exe\u200F.pdf", "gpj.exe.pdf")]
    [InlineData("\u009B1;31m章程\u001Bc.pdf", "章程.pdf")]
    [InlineData("营业执照\u001B", "营业执照")]
    public void A_terminal_escape_sequence_is_dropped_whole_not_only_its_escape(string given, string shown) =>
        Assert.Equal(shown, FileNames.Clean(given));

    [Theory]
    [InlineData("a\U000E0041\U000E007Fb.pdf", "ab.pdf")]
    [InlineData("a\u034Fb.pdf", "ab.pdf")]
    [InlineData("执照\u2060\u3164\uFE0F.pdf", "执照.pdf")]
    public void Characters_unicode_draws_as_nothing_are_dropped_tags_and_joiners_included(string given, string shown) =>
        Assert.Equal(shown, FileNames.Clean(given));

    [Theory]
    [InlineData("\u202E\u202E\u202E.pdf", FileNames.DefaultStem + ".pdf")]
    [InlineData(".pdf", FileNames.DefaultStem + ".pdf")]
    [InlineData(" ..jpg", FileNames.DefaultStem + ".jpg")]
    public void A_name_that_is_only_an_extension_gets_a_stem(string given, string shown) =>
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
