using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Zhengzhao.Registry;

namespace Zhengzhao.Benchmarks;

/// <summary>
/// Checking a credit code. The baseline is the common hand-written check: a regular expression for the shape and
/// <c>IndexOf</c> into the alphabet for each character's value, without the organisation-code check.
/// </summary>
[MemoryDiagnoser]
public partial class UsccBenchmarks
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    [Params("9144030071526726XG", "９１４４０３００１９２２０３８２１６", "914403001922038217")]
    public string Input { get; set; } = string.Empty;

    [Benchmark(Baseline = true)]
    public bool RegexAndIndexOf()
    {
        var code = Input.Trim().ToUpperInvariant();
        if (!Shape().IsMatch(code))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(code[i], StringComparison.Ordinal) * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check] == code[17];
    }

    [Benchmark]
    public bool UsccCheck() => Uscc.Check(Input).IsValid;

    [GeneratedRegex("^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$")]
    private static partial Regex Shape();
}
