using Zhengzhao.Calendar;
using Zhengzhao.Common;

namespace Zhengzhao.Catalog;

/// <summary>
/// One line of the rollout plan: from a date, in a region and everything under it, a whole catalogue
/// (<see cref="ItemCode"/> null) or one item applies with its reform mode.
/// </summary>
public sealed class Rollout : Audit.IAudited
{
    private Rollout()
    {
        RegionCode = Note = string.Empty;
    }

    public Rollout(CatalogKind kind, string? itemCode, string regionCode, DateOnly from, string note)
    {
        Kind = kind;
        ItemCode = itemCode;
        RegionCode = regionCode;
        From = from;
        Note = note;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    public CatalogKind Kind { get; private set; }

    public string? ItemCode { get; private set; }

    public string RegionCode { get; private set; }

    public DateOnly From { get; private set; }

    public string Note { get; private set; }
}

public static class RolloutRules
{
    /// <summary>
    /// Does the item apply, with its reform mode, in the region on the date? A line for a region covers every region
    /// under it (540000 covers 540172), the same ancestry the calendar uses.
    /// </summary>
    public static bool Applies(IEnumerable<RolloutLine> plan, string itemCode, CatalogKind kind, string region, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var ancestry = CalendarLayers.Ancestry(region).ToHashSet(StringComparer.Ordinal);
        return plan.Any(r => r.Kind == kind && (r.ItemCode is null || r.ItemCode == itemCode) && ancestry.Contains(r.RegionCode) && r.From <= date);
    }
}
