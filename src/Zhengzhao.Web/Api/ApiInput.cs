using System.Globalization;
using Zhengzhao.Common;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Api;

/// <summary>
/// Parses raw query and route text into typed values with a Chinese reason, so a malformed value gets a
/// 400 problem that says what was wrong rather than the framework's bare binding failure.
/// </summary>
public static class ApiInput
{
    public static Result<DateOnly> Date(string? text, string field) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : Invalid(field, $"{field} 应为 yyyy-MM-dd 格式的有效日期，输入为“{Problems.Quote(text)}”。");

    public static Result<DateOnly?> OptionalDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (DateOnly?)null;
        }

        var date = Date(text, field);
        return date.IsSuccess ? date.Value : date.Refusal!;
    }

    public static Result<TimeOnly> Time(string? text, string field) =>
        TimeOnly.TryParseExact(text?.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : Invalid(field, $"{field} 应为 HH:mm 格式的时间，输入为“{Problems.Quote(text)}”。");

    public static Result<int> WholeNumber(string? text, string field) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : Invalid(field, $"{field} 应为整数，输入为“{Problems.Quote(text)}”。");

    /// <summary>An enum by its name (not its number), absent as null; <paramref name="allowed"/> lists the names for the message.</summary>
    public static Result<T?> OptionalEnum<T>(string? text, string field, string allowed)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (T?)null;
        }

        return Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsAsciiDigit(text.Trim()[0])
            ? value
            : Invalid(field, $"{field} 应为 {allowed} 之一，输入为“{Problems.Quote(text)}”。");
    }

    /// <summary>As <see cref="OptionalEnum{T}"/>, but the value is required.</summary>
    public static Result<T> RequiredEnum<T>(string? text, string field, string allowed)
        where T : struct, Enum
    {
        var parsed = OptionalEnum<T>(text, field, allowed);
        return !parsed.IsSuccess ? parsed.Refusal! : parsed.Value is { } value ? value : Invalid(field, $"请填写 {field}（{allowed}）。");
    }

    /// <summary>A yes-or-no the request must state: left out, it is refused rather than read as false.</summary>
    public static Result<bool> RequiredFlag(bool? value, string field) =>
        value is { } flag ? flag : Invalid(field, $"请填写 {field}（true 或 false）。");

    /// <summary>An optional region code: absent or empty means the national calendar.</summary>
    public static string? Region(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Refusal Invalid(string field, string detail) =>
        new("invalid-input", "参数无效", detail) { Errors = new Dictionary<string, string[]> { [field] = [detail] } };
}
