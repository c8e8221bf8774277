using Zhengzhao.Common;

namespace Zhengzhao.Credit;

/// <summary>The code a staff query names, checked before anything is read.</summary>
internal static class CreditCodes
{
    public static Result<string> Parse(string? code)
    {
        var checkedCode = Registry.Uscc.Check(code);

        // The reason only: what was typed may be something else entirely, such as a person's identity number.
        return checkedCode.IsValid
            ? checkedCode.Code!.Value
            : CreditRefusals.InvalidCode(checkedCode.Reason!);
    }

    /// <summary>The company a form names, checked with the form's other fields; empty when it is wrong.</summary>
    public static string Check(this FieldErrors errors, string? code)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var checkedCode = Registry.Uscc.Check(code);
        if (!checkedCode.IsValid)
        {
            errors.Add("uscc", checkedCode.Reason!);
            return string.Empty;
        }

        return checkedCode.Code!.Value;
    }
}
