namespace Zhengzhao.Common;

/// <summary>
/// What is wrong with a form or request, field by field, gathered before anything is read or written, so the person
/// sees every mistake at once and the API answers with one problem listing them all.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string field, string reason) => _errors[field] = [reason];

    /// <summary>A required text of at most <paramref name="max"/> characters, trimmed, with no character <see cref="TextLimits"/> refuses.</summary>
    public string Text(string field, string? value, int max, string label, TextKind kind = TextKind.Line)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            Add(field, $"请填写{label}，不超过{max}字。");
        }
        else
        {
            Check(field, text, max, label, kind);
        }

        return text;
    }

    /// <summary>A text that may be left empty (then null), otherwise as <see cref="Text"/>.</summary>
    public string? OptionalText(string field, string? value, int max, string label, TextKind kind = TextKind.Line)
    {
        var text = value?.Trim() ?? string.Empty;
        Check(field, text, max, label, kind);
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// The refusal for texts whose presence the caller judges, when any is over its limit or holds a character
    /// <see cref="TextLimits"/> refuses (line breaks kept: most are reasons and opinions); null when all are fit.
    /// </summary>
    public static Refusal? OverLimit(string type, params ReadOnlySpan<(string Field, string? Value, int Max, string Label)> texts)
    {
        var errors = new FieldErrors();
        foreach (var (field, value, max, label) in texts)
        {
            errors.OptionalText(field, value, max, label, TextKind.Paragraph);
        }

        return errors.Any ? errors.Refusal(type, "内容过长或含有不允许的字符") : null;
    }

    /// <summary>A required date, not in the future and not before 2000.</summary>
    public DateOnly Date(string field, DateOnly? value, DateOnly today, string label)
    {
        if (value is not { } date || date > today || date.Year < 2000)
        {
            Add(field, $"{label}应为不晚于今天的有效日期。");
            return default;
        }

        return date;
    }

    /// <summary>
    /// The refusal listing every error; each message is a sentence of its own (the form shows it by its field), so in
    /// the one-line detail the semicolons take the place of the full stops, and only the last message keeps its own.
    /// </summary>
    public Refusal Refusal(string type, string title)
    {
        var messages = _errors.Values.Select(v => v[0]).ToList();
        return new(type, title, string.Join("；", messages.Select((m, i) => i < messages.Count - 1 ? m.TrimEnd('。') : m))) { Errors = _errors };
    }

    private void Check(string field, string text, int max, string label, TextKind kind)
    {
        if (TextLimits.Problem(text, max, label, kind) is { } problem)
        {
            Add(field, problem);
        }
    }
}
