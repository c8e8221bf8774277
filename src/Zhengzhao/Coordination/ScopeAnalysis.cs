using Microsoft.EntityFrameworkCore;
using Zhengzhao.Catalog;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Coordination;

/// <summary>
/// The catalogue as the scope matcher needs it: every item version in force today, its phrases compiled into one
/// automaton, and the rollout plan. Built once per day and refreshed every minute, since the catalogue changes
/// rarely and analysing a scope must not query per item.
/// </summary>
public sealed class ScopeCatalogue(TimeProvider time) : IDisposable
{
    private readonly ReloadingCache<Snapshot> _snapshot = new(time);

    public sealed record Entry(string Code, CatalogKind Kind, ItemContent Content, string DepartmentName);

    public sealed record Snapshot(ScopeMatcher Matcher, IReadOnlyList<Entry> Items, IReadOnlyList<RolloutLine> Plan);

    public Task<Snapshot> GetAsync(ZhengzhaoDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var today = ChinaTime.Today(time);
        return _snapshot.GetAsync(today, ct => BuildAsync(db, today, ct), cancellationToken);
    }

    public void Dispose() => _snapshot.Dispose();

    private static async Task<Snapshot> BuildAsync(ZhengzhaoDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var versions = await db.PublishedVersions().InForce(today)
            .Select(v => new { v.ItemCode, v.Kind, v.Content, v.DepartmentCode })
            .OrderBy(x => x.ItemCode)
            .ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        var items = versions.Select(v => new Entry(v.ItemCode, v.Kind, v.Content, departments.GetValueOrDefault(v.DepartmentCode, v.DepartmentCode))).ToList();
        var matcher = new ScopeMatcher(items.SelectMany((item, index) => item.Content.ScopePhrases.Select(phrase => (index, phrase))));
        var plan = await db.RolloutPlanAsync(cancellationToken);
        return new Snapshot(matcher, items, plan);
    }
}

/// <summary>"Which permits do I need?": the catalogue items a business scope calls for, for an enterprise type, in a region, today.</summary>
public sealed class AnalyseScope(ZhengzhaoDbContext db, ScopeCatalogue catalogue, TimeProvider time) : IUseCase
{
    public const int MaxScopeLength = TextLimits.BusinessScope;

    public sealed record Query(string? BusinessScope, EnterpriseType? EnterpriseType, string? Region);

    public sealed record Need(string Code, string Name, string DepartmentCode, string Department, ReformMode Mode, CatalogKind Kind, string Matched);

    public sealed record Analysis(IReadOnlyList<Need> Items);

    public async Task<Result<Analysis>> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new FieldErrors();
        var scope = errors.Text("businessScope", query.BusinessScope, MaxScopeLength, "经营范围", TextKind.Paragraph);
        if (errors.Any)
        {
            return errors.Refusal("scope/invalid-query", "参数无效");
        }

        if (query.EnterpriseType is not { } type || !Enum.IsDefined(type))
        {
            return Invalid("enterpriseType", "请选择企业类型：DomesticCompany、ForeignInvested、IndividualBusiness 或 Cooperative。");
        }

        if (query.Region is not { Length: 6 } || !await db.Regions.AnyAsync(r => r.Code == query.Region, cancellationToken))
        {
            return Invalid("region", query.Region is { Length: 6 } ? $"区划代码“{query.Region}”不存在，请使用6位行政区划代码，如 540100。" : "请使用6位行政区划代码，如 540100。");
        }

        var snapshot = await catalogue.GetAsync(db, cancellationToken);
        var needs = Needs(snapshot, scope, type, query.Region, ChinaTime.Today(time));
        return new Analysis(needs);
    }

    /// <summary>The items a scope calls for: phrase found, enterprise type allowed, rolled out in the region on the day.</summary>
    public static IReadOnlyList<Need> Needs(ScopeCatalogue.Snapshot snapshot, string scope, EnterpriseType type, string region, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Matcher.Match(scope)
            .Select(m => (Item: snapshot.Items[m.Target], m.Phrase))
            .Where(m => m.Item.Content.EnterpriseTypes.Count == 0 || m.Item.Content.EnterpriseTypes.Contains(type))
            .Where(m => RolloutRules.Applies(snapshot.Plan, m.Item.Code, m.Item.Kind, region, day))
            .Select(m => new Need(m.Item.Code, m.Item.Content.Name, m.Item.Content.DepartmentCode, m.Item.DepartmentName, m.Item.Content.Mode, m.Item.Kind, m.Phrase))
            .ToList();
    }

    private static Refusal Invalid(string field, string detail) => CoordinationRefusals.InvalidScopeQuery(field, detail);
}
