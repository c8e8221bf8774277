using System.Text.RegularExpressions;

namespace Zhengzhao.Web.Tests.Infrastructure;

/// <summary>What a public page or response must never contain: a resident identity number or a mobile phone number.</summary>
public static partial class PersonalData
{
    public static void AssertNone(string text)
    {
        Assert.DoesNotMatch(IdentityNumber(), text);
        Assert.DoesNotMatch(PhoneNumber(), text);
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdentityNumber();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex PhoneNumber();
}
