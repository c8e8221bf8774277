using System.Globalization;

namespace Zhengzhao.Registry;

/// <summary>
/// A resident identity number (公民身份号码, GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence,
/// check character. Valid once constructed; shown masked everywhere except to the registrar.
/// </summary>
public sealed class IdentityNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private IdentityNumber(string value)
    {
        Value = value;
    }

    public string Value { get; }

    /// <summary>The number as the public and most staff see it: region's first four digits and the last four.</summary>
    public string Masked => Mask(Value);

    public static (IdentityNumber? Number, string? Reason) Check(string? input)
    {
        var text = Uscc.Normalise(input);
        if (text.Length != 18)
        {
            return (null, $"身份证号码应为18位，输入为{text.Length}位。");
        }

        if (!text.AsSpan(0, 17).ContainsOnlyDigits() || !(char.IsAsciiDigit(text[17]) || text[17] == 'X'))
        {
            return (null, "身份证号码前17位应为数字，第18位为数字或 X。");
        }

        if (!DateOnly.TryParseExact(text.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth) || birth.Year < 1900)
        {
            return (null, "身份证号码第7至14位不是有效的出生日期。");
        }

        var check = ComputeCheckCharacter(text.AsSpan(0, 17));
        return check == text[17] ? (new IdentityNumber(text), null) : (null, $"身份证号码校验码错误：第18位应为“{check}”。");
    }

    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>
    /// Keeps at most four characters at each end and never more than a quarter of the number at either, so a short
    /// number (a passport's nine) is mostly hidden like a resident identity number's eighteen.
    /// </summary>
    public static string Mask(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var kept = Math.Min(4, value.Length / 4);
        return string.Concat(value.AsSpan(0, kept), new string('*', value.Length - (2 * kept)), value.AsSpan(value.Length - kept));
    }

    public override string ToString() => Masked;
}

internal static class SpanDigits
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
