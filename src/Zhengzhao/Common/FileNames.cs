using System.Globalization;
using System.Text;

namespace Zhengzhao.Common;

/// <summary>
/// The name a person gave an uploaded file, made fit to show and to offer back on download. It is only ever a
/// label: files are stored under their checksum, so nothing here is a path. Directories, control characters with the
/// terminal escape sequences they start (ESC [31m would otherwise leave "[31m"), and the characters Unicode says to
/// draw as nothing (bidirectional overrides among them, which make "exe.pdf" read as "fdp.exe", and the invisible
/// tag characters) are dropped; an over-long name is cut before its extension so the kind still shows, and a name
/// that is only an extension gets a stem.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 100;

    /// <summary>An extension longer than this is no extension worth keeping whole; the name is then cut at the end.</summary>
    private const int MaxExtensionLength = 10;

    /// <summary>What a name that cleans to nothing is shown as.</summary>
    public const string Unnamed = "未命名文件";

    /// <summary>The stem given to a name that cleans to an extension alone (".pdf").</summary>
    public const string DefaultStem = "材料";

    private const char Escape = '\u001B';

    /// <summary>The C1 Control Sequence Introducer, ESC [ in one character.</summary>
    private const char ControlSequence = '\u009B';

    public static string Clean(string? name)
    {
        var text = name ?? string.Empty;
        var slash = text.LastIndexOfAny(['/', '\\']);
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength * 2));
        for (var i = slash + 1; i < text.Length; i++)
        {
            if (text[i] is Escape or ControlSequence)
            {
                i = EndOfEscape(text, i);
            }
            else if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length) == System.Buffers.OperationStatus.Done)
            {
                if (IsShown(rune))
                {
                    builder.Append(text, i, length);
                }

                i += length - 1;
            }
        }

        // Trailing dots and spaces are dropped by some systems on saving, which would change the kind shown.
        var cleaned = builder.ToString().Trim().TrimEnd('.', ' ');
        if (cleaned.Length == 0)
        {
            return Unnamed;
        }

        if (cleaned.LastIndexOf('.') is var dot and >= 0 && cleaned[..dot].Trim('.', ' ').Length == 0)
        {
            cleaned = DefaultStem + cleaned[dot..];
        }

        return cleaned.Length <= MaxLength ? cleaned : Cap(cleaned);
    }

    private static bool IsShown(Rune rune) =>
        !Rune.IsControl(rune)
        && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
        && !IsDefaultIgnorable(rune.Value);

    /// <summary>
    /// Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt) beyond the format characters: the combining
    /// grapheme joiner, fillers and variation selectors, drawn as nothing yet kept by a category check.
    /// </summary>
    private static bool IsDefaultIgnorable(int value) => value is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFFA0
        or (>= 0x180B and <= 0x180F) or (>= 0x2060 and <= 0x206F) or (>= 0xFE00 and <= 0xFE0F) or (>= 0xFFF0 and <= 0xFFF8)
        or (>= 0x1BCA0 and <= 0x1BCA3) or (>= 0x1D173 and <= 0x1D17A) or (>= 0xE0000 and <= 0xE0FFF);

    /// <summary>
    /// Where the escape sequence starting at <paramref name="start"/> ends (ECMA-48): a control sequence (ESC [ or
    /// CSI) runs through its parameter and intermediate characters to its final one; any other escape takes its
    /// intermediate characters and one more.
    /// </summary>
    private static int EndOfEscape(string text, int start)
    {
        var i = start + 1;
        if (text[start] == ControlSequence || (i < text.Length && text[i] == '['))
        {
            i += text[start] == ControlSequence ? 0 : 1;
            while (i < text.Length && text[i] is >= '\u0020' and <= '\u003F')
            {
                i++;
            }

            return i < text.Length && text[i] is >= '\u0040' and <= '\u007E' ? i : i - 1;
        }

        while (i < text.Length && text[i] is >= '\u0020' and <= '\u002F')
        {
            i++;
        }

        return i < text.Length && text[i] is >= '\u0030' and <= '\u007E' ? i : i - 1;
    }

    private static string Cap(string name)
    {
        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot <= MaxExtensionLength + 1 ? name[dot..] : string.Empty;
        return string.Concat(CutAt(name[..(name.Length - extension.Length)], MaxLength - extension.Length).TrimEnd(), extension);
    }

    /// <summary>The first <paramref name="length"/> characters, one fewer if that would split a surrogate pair.</summary>
    private static string CutAt(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
