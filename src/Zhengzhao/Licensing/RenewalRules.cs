using Zhengzhao.Common;

namespace Zhengzhao.Licensing;

/// <summary>How a renewal was granted: by a decision before expiry, or by the law when none came in time.</summary>
public enum RenewalBasis
{
    /// <summary>准予延续: decided by the department before the last valid day.</summary>
    Decided,

    /// <summary>视为准予延续 (行政许可法 第五十条): filed within the window, not decided by the last valid day.</summary>
    Deemed,
}

/// <summary>
/// 延续 (行政许可法 第五十条): when a renewal may be applied for, and when one not decided in time is granted by law.
/// Pure: the permit's last valid day, the item's window and the dates in, the answer out.
/// </summary>
public static class RenewalRules
{
    public const int DefaultWindowDays = 30;

    /// <summary>The first day a renewal may be filed: the window's length before the last valid day.</summary>
    public static DateOnly WindowOpensOn(DateOnly validTo, int windowDays) => validTo.AddDays(-windowDays);

    /// <summary>The next period: from the day after the last valid day, as many years again.</summary>
    public static (DateOnly From, DateOnly To) NextPeriod(DateOnly validTo, int years)
    {
        var from = validTo.AddDays(1);
        return (from, from.AddYears(years).AddDays(-1));
    }

    /// <summary>Why a renewal filed on a day is not receivable, or null: only within the window, and never after expiry.</summary>
    public static Refusal? CanFile(DateOnly? validTo, int windowDays, DateOnly filedOn)
    {
        if (validTo is not { } last)
        {
            return LicensingRefusals.LongTerm;
        }

        if (filedOn < WindowOpensOn(last, windowDays))
        {
            return LicensingRefusals.RenewalTooEarly(WindowOpensOn(last, windowDays), windowDays);
        }

        return filedOn > last ? LicensingRefusals.RenewalTooLate(last) : null;
    }

    /// <summary>
    /// Why the renewal cannot be granted on <paramref name="today"/> on this basis, or null. A decision must come by
    /// the last valid day; after it, a renewal filed within the window and still undecided is deemed granted, and
    /// only then.
    /// </summary>
    public static Refusal? CanGrant(DateOnly? validTo, int windowDays, DateOnly filedOn, RenewalBasis basis, DateOnly today)
    {
        if (CanFile(validTo, windowDays, filedOn) is { } refusal)
        {
            return refusal;
        }

        var last = validTo!.Value;
        return basis switch
        {
            RenewalBasis.Decided when today > last => LicensingRefusals.RenewalDeemed(last),
            RenewalBasis.Deemed when today <= last => LicensingRefusals.RenewalNotYetDeemed(last),
            _ => null,
        };
    }

    public static string Reason(RenewalBasis basis) => basis == RenewalBasis.Decided ? "准予延续" : "逾期未作决定，依法视为准予延续";
}
