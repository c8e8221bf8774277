using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Zhengzhao.Registry;

/// <summary>
/// The unified social credit code (统一社会信用代码, GB 32100-2015). An instance is always valid:
/// the only ways to get one are <see cref="Parse"/> and <see cref="TryParse"/>, which check both check characters.
/// </summary>
public sealed class Uscc : IEquatable<Uscc>
{
    public const int Length = 18;

    // 31 symbols: the digits and the upper-case letters without I, O, Z, S, V.
    internal const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] CodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    private static readonly SearchValues<char> CleanCharacters = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    // Indexed by character: value in the USCC alphabet, or -1.
    private static readonly sbyte[] AlphabetValue = BuildAlphabetValues();

    private Uscc(string value)
    {
        Value = value;
    }

    public string Value { get; }

    public char DepartmentCode => Value[0];

    public char CategoryCode => Value[1];

    /// <summary>The GB/T 2260 code of the registering authority's region.</summary>
    public string RegionCode => Value.Substring(2, 6);

    /// <summary>The embedded organisation code (GB 11714), nine characters with its own check.</summary>
    public string OrganisationCode => Value.Substring(8, 9);

    public string DepartmentName => UsccDepartments.DepartmentName(DepartmentCode)!;

    public string CategoryName => UsccDepartments.CategoryName(DepartmentCode, CategoryCode)!;

    public static UsccCheck Check(string? input)
    {
        var normalised = Normalise(input);
        var reason = FindProblem(normalised);
        return new UsccCheck(normalised, reason is null ? new Uscc(normalised) : null, reason);
    }

    public static Uscc Parse(string? input)
    {
        var check = Check(input);
        return check.Code ?? throw new FormatException(check.Reason);
    }

    public static bool TryParse(string? input, [NotNullWhen(true)] out Uscc? code)
    {
        code = Check(input).Code;
        return code is not null;
    }

    /// <summary>Trims, folds full-width forms to ASCII and upper-cases, as people paste codes from Chinese documents.</summary>
    public static string Normalise(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return string.Empty;
        }

        // Most input is already clean (codes from systems, not from people): keep it without copying.
        if (!input.AsSpan().ContainsAnyExcept(CleanCharacters))
        {
            return input;
        }

        var builder = new StringBuilder(input.Length);
        foreach (var raw in input)
        {
            var c = raw switch
            {
                '\u3000' => ' ',
                >= '\uFF01' and <= '\uFF5E' => (char)(raw - 0xFEE0),
                _ => raw,
            };
            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString().Trim();
    }

    /// <summary>
    /// Builds the valid code for its parts, completing both check characters: how registrars' systems issue codes,
    /// and how the demo data and the benchmarks make theirs.
    /// </summary>
    public static Uscc Compose(char department, char category, string regionCode, string organisationBase)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        ArgumentNullException.ThrowIfNull(organisationBase);
        var first17 = string.Concat(department.ToString(), category.ToString(), regionCode, organisationBase, ComputeOrganisationCheckCharacter(organisationBase).ToString());
        return Parse(first17 + ComputeCheckCharacter(first17));
    }

    /// <summary>The 18th character for the first 17; used by generators and by the check itself.</summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("Seventeen characters are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            sum += ValueOf(first17[i]) * CodeWeights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>The ninth character of an organisation code for its first eight.</summary>
    public static char ComputeOrganisationCheckCharacter(ReadOnlySpan<char> first8)
    {
        if (first8.Length != 8)
        {
            throw new ArgumentException("Eight characters are needed.", nameof(first8));
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            var value = c is >= '0' and <= '9' ? c - '0' : c is >= 'A' and <= 'Z' ? c - 'A' + 10 : throw new ArgumentException("Organisation codes use 0-9 and A-Z.", nameof(first8));
            sum += value * OrganisationWeights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => 'X',
            11 => '0',
            var d => (char)('0' + d),
        };
    }

    public bool Equals(Uscc? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as Uscc);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;

    private static string? FindProblem(string code)
    {
        if (code.Length == 0)
        {
            return "统一社会信用代码不能为空。";
        }

        if (code.Length != Length)
        {
            return $"统一社会信用代码应为18位，输入为{code.Length}位。";
        }

        for (var i = 0; i < code.Length; i++)
        {
            if (ValueOf(code[i]) < 0)
            {
                return $"第{i + 1}位字符“{code[i]}”不在统一社会信用代码字符集中（不使用 I、O、Z、S、V）。";
            }
        }

        if (UsccDepartments.DepartmentName(code[0]) is null)
        {
            return $"第1位登记管理部门代码“{code[0]}”无效。";
        }

        if (UsccDepartments.CategoryName(code[0], code[1]) is null)
        {
            return $"第2位机构类别代码“{code[1]}”不属于登记管理部门“{UsccDepartments.DepartmentName(code[0])}”。";
        }

        for (var i = 2; i < 8; i++)
        {
            if (code[i] is < '0' or > '9')
            {
                return "第3至8位登记管理机关行政区划码应为6位数字。";
            }
        }

        var organisationCheck = ComputeOrganisationCheckCharacter(code.AsSpan(8, 8));
        if (organisationCheck != code[16])
        {
            return $"第9至17位组织机构代码校验错误：第17位应为“{organisationCheck}”，实际为“{code[16]}”。";
        }

        var check = ComputeCheckCharacter(code.AsSpan(0, Length - 1));
        return check != code[17] ? $"校验码错误：第18位应为“{check}”，实际为“{code[17]}”。" : null;
    }

    private static int ValueOf(char c) => c < AlphabetValue.Length ? AlphabetValue[c] : -1;

    private static sbyte[] BuildAlphabetValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }

        return values;
    }
}

/// <summary>The outcome of checking an input: the normalised text, and either a valid code or the reason it is not one.</summary>
public sealed record UsccCheck(string Normalised, Uscc? Code, string? Reason)
{
    public bool IsValid => Code is not null;
}
