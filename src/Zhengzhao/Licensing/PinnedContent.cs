using Microsoft.EntityFrameworkCore;
using Zhengzhao.Catalog;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Licensing;

/// <summary>
/// The item version an application is filed under, as the catalogue publishes it: pinned at filing (the version in
/// force for the company), and read again later for its full content (permit terms, material rules).
/// </summary>
internal static class PinnedContent
{
    /// <summary>
    /// The version of the item in force for the company on the day, pinned, with its content; null when the item does
    /// not exist, is not for the company's type, or is not rolled out where the company is registered.
    /// </summary>
    public static async Task<(PinnedItem Item, ItemContent Content)?> PinAsync(ZhengzhaoDbContext db, string code, RegisteredEnterprise enterprise, DateOnly today, CancellationToken cancellationToken)
    {
        var found = await db.PublishedVersions().InForce(today)
            .Where(v => v.ItemCode == code)
            .OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.Content, v.Kind })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null
            || (found.Content.EnterpriseTypes.Count > 0 && !found.Content.EnterpriseTypes.Contains(enterprise.Type))
            || !RolloutRules.Applies(await db.RolloutPlanAsync(cancellationToken), code, found.Kind, enterprise.RegionCode, today))
        {
            return null;
        }

        var c = found.Content;
        return (new PinnedItem(
            code, found.Number, c.Name, c.DepartmentCode, c.Mode,
            new ClockLimits(c.StatutoryLimitDays, c.CommittedLimitDays),
            c.ExtensionAllowed ? c.ExtensionDays : 0,
            [.. c.Materials.Select(m => m.Name)],
            [.. c.Materials.Where(m => m.Required).Select(m => m.Name)],
            c.Steps,
            c.CommitmentLetterText,
            c.Mode == ReformMode.StrictAccess && c.PauseForExpertReview), c);
    }

    /// <summary>The full content of the version the application was filed under.</summary>
    public static Task<ItemContent?> OfAsync(ZhengzhaoDbContext db, Application application, CancellationToken cancellationToken) =>
        db.PublishedVersions()
            .Where(v => v.ItemCode == application.ItemCode && v.Number == application.Item.Version)
            .Select(v => (ItemContent?)v.Content)
            .FirstOrDefaultAsync(cancellationToken);
}
