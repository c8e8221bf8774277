namespace Zhengzhao.Common;

/// <summary>Whether a text is one line (a name, a number) or may run over several (facts, reasons, a service guide's text).</summary>
public enum TextKind
{
    Line,
    Paragraph,
}

/// <summary>
/// The longest text each kind of field takes, and the characters no field takes. One place for the numbers, so that
/// forms, the API and the rules agree; the use cases check them before anything is read or written, because a field
/// nobody bounded is stored whole (a 100,000-character signatory once was) and a NUL is refused by PostgreSQL later.
/// </summary>
public static class TextLimits
{
    /// <summary>A department's code: letters, digits and hyphens.</summary>
    public const int DepartmentCode = 20;

    /// <summary>A person's name: a signatory, a legal representative.</summary>
    public const int PersonName = 50;

    /// <summary>The name of a thing: an item, a company, a department, a region, a holiday, a material.</summary>
    public const int Name = 100;

    /// <summary>A number someone else issued: a decision number, a permit number, an event id.</summary>
    public const int Number = 100;

    /// <summary>An address, an authority's name, a short note.</summary>
    public const int Address = 200;

    /// <summary>A remark or a reason given with an answer.</summary>
    public const int Remark = 500;

    /// <summary>An officer's reason, opinion or finding on a case: why not accepted, a decision's reasons, a pause.</summary>
    public const int Reason = 1000;

    /// <summary>Facts, legal basis, a statement, an opinion.</summary>
    public const int Statement = 2000;

    /// <summary>A business scope (经营范围), as the registration systems send it.</summary>
    public const int BusinessScope = 5000;

    /// <summary>A document's text: the model text of a notice-and-commitment letter.</summary>
    public const int Document = 10000;

    /// <summary>
    /// Why <paramref name="text"/> cannot be stored as <paramref name="label"/>, in Chinese, or null when it can: longer
    /// than <paramref name="max"/>, a NUL or another control character (a paragraph keeps its line breaks and tabs),
    /// a bidirectional control, which makes a name or a reason read differently from what is stored (a holder's name
    /// shown backwards), or half of a surrogate pair, which no database encoding can hold.
    /// </summary>
    public static string? Problem(string text, int max, string label, TextKind kind = TextKind.Line)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > max)
        {
            return $"{label}不超过{max}字（现为{text.Length}字）。";
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return $"{label}含有空字符（NUL），请删除后重新提交。";
            }

            if (char.IsControl(c) && !(kind == TextKind.Paragraph && c is '\n' or '\r' or '\t'))
            {
                return kind == TextKind.Line ? $"{label}应为一行文字，不能含换行、制表符等控制字符。" : $"{label}含有控制字符，请删除后重新提交。";
            }

            if (IsBidiControl(c))
            {
                return $"{label}第 {i + 1} 个字符是改变文字方向的控制字符（看不见），请删除后重新提交。";
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"{label}含有无法识别的字符，请重新输入。";
            }
        }

        return null;
    }

    /// <summary>
    /// The text without the characters <see cref="Problem"/> refuses and nobody can see (controls other than a
    /// paragraph's line breaks, bidirectional controls), for showing a refused value back so that what the message asks
    /// to delete is already gone rather than invisibly reversing what the person reads.
    /// </summary>
    public static string WithoutInvisible(string text, TextKind kind = TextKind.Line)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Concat(text.Where(c => !IsBidiControl(c) && !(char.IsControl(c) && !(kind == TextKind.Paragraph && c is '\n' or '\r' or '\t'))));
    }

    /// <summary>The embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the direction marks (U+200E, U+200F, U+061C).</summary>
    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';
}
