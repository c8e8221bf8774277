namespace Zhengzhao.Common;

/// <summary>
/// What a spreadsheet makes of text. A cell beginning with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (or a tab or a line
/// break) becomes a live formula in Excel and LibreOffice once it is edited or opened from CSV, so imports refuse such
/// text and every file the platform writes neutralises it as the OWASP guidance on CSV injection says: with a leading
/// apostrophe, which the spreadsheet shows as text and never evaluates.
/// </summary>
public static class SheetText
{
    private static readonly System.Buffers.SearchValues<char> FormulaStarts = System.Buffers.SearchValues.Create("=+-@\t\r\n");

    /// <summary>The C0 controls but tab and line breaks, and DEL.</summary>
    private static readonly System.Buffers.SearchValues<char> Controls = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), '\u007F']);

    /// <summary>True when a spreadsheet would read the text as a formula.</summary>
    public static bool StartsLikeFormula(string? text) => text is { Length: > 0 } && FormulaStarts.Contains(text[0]);

    /// <summary>The text as a cell of an exported file may hold it: formula-like text gets a leading apostrophe.</summary>
    public static string Neutralise(string? text) => StartsLikeFormula(text) ? "'" + text : text ?? string.Empty;

    /// <summary>
    /// Why an imported cell cannot be stored as it is, or null: the register keeps what the law names, not formulas
    /// (a neutralised cell exported earlier counts as the formula it hides), nor control characters that PostgreSQL
    /// refuses (NUL) or that only hide text. None of the imported fields takes a leading sign; a field that one day does
    /// (a telephone number's "+86") checks it by its own rule instead.
    /// </summary>
    public static string? Problem(string column, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bare = text.StartsWith('\'') ? text[1..] : text;
        if (StartsLikeFormula(bare))
        {
            return $"“{column}”不能以 =、+、-、@ 开头：这是电子表格的公式写法，登记的内容只能是文字。";
        }

        return text.AsSpan().ContainsAny(Controls)
            ? $"“{column}”含有控制字符（如空字符 NUL），文件可能已损坏，请检查后重新导入。"
            : null;
    }
}
