using System.Globalization;

namespace Zhengzhao.Common;

/// <summary>
/// The name a person gave an uploaded file, made fit to show and to offer back on download. It is only ever a
/// label: files are stored under their checksum, so nothing here is a path. Directories, control characters and
/// the invisible format characters (bidirectional overrides among them, which make "exe.pdf" read as "fdp.exe")
/// are dropped, and an over-long name is cut before its extension so the kind still shows.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 100;

    /// <summary>An extension longer than this is no extension worth keeping whole; the name is then cut at the end.</summary>
    private const int MaxExtensionLength = 10;

    /// <summary>What a name that cleans to nothing is shown as.</summary>
    public const string Unnamed = "未命名文件";

    public static string Clean(string? name)
    {
        var text = name ?? string.Empty;
        var slash = text.LastIndexOfAny(['/', '\\']);
        var builder = new System.Text.StringBuilder(Math.Min(text.Length, MaxLength * 2));
        for (var i = slash + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && !char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
            {
                builder.Append(c);
            }
        }

        // Trailing dots and spaces are dropped by some systems on saving, which would change the kind shown.
        var cleaned = builder.ToString().Trim().TrimEnd('.', ' ');
        return cleaned.Length == 0 ? Unnamed : cleaned.Length <= MaxLength ? cleaned : Cap(cleaned);
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
