using Microsoft.AspNetCore.Mvc.ModelBinding;
using Zhengzhao.Common;

namespace Zhengzhao.Web.Hosting;

/// <summary>
/// A refusal's field errors put beside the form's own inputs, so that a person reads what is wrong where it is, and the
/// refused value shown back without the invisible characters it may have been refused for.
/// </summary>
public static class RefusalFields
{
    /// <summary>
    /// Adds each of <paramref name="refusal"/>'s field errors that the page shows beside an input
    /// (<paramref name="shownFields"/>, the API's camelCase names) under <paramref name="prefix"/>.Field, and returns
    /// the detail for the page's alert, or null when every error found its input.
    /// </summary>
    public static string? ShowAtFields(this ModelStateDictionary modelState, Refusal refusal, string prefix, params string[] shownFields)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(refusal);
        var unplaced = false;
        foreach (var (field, messages) in refusal.Errors ?? new Dictionary<string, string[]>())
        {
            var key = $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
            if (!shownFields.Contains(field, StringComparer.Ordinal) || modelState[key] is not { } entry)
            {
                unplaced = true;
                continue;
            }

            if (entry.AttemptedValue is { } attempted)
            {
                var shown = TextLimits.WithoutInvisible(attempted);
                modelState.SetModelValue(key, shown, shown);
            }

            modelState.AddModelError(key, string.Join(string.Empty, messages));
        }

        return refusal.Errors is null || unplaced ? refusal.Detail : null;
    }
}
