using System.Text;

namespace Zhengzhao.Tests.Architecture;

/// <summary>
/// DESIGN §4: a module never reads or writes another's tables, and depends only on the modules its row in
/// <see cref="ModuleRules"/> names. The checks read the compiled assemblies, so a cross-module read anywhere, in a
/// query, a join or a signature, fails here with the types that make it.
/// </summary>
public sealed class ModuleBoundaryTests
{
    [Fact]
    public void The_allowed_dependencies_have_no_cycle()
    {
        Assert.Empty(ModuleChecks.Cycles(ModuleRules.MayDependOn));
    }

    [Fact]
    public void Each_module_depends_only_on_the_modules_it_may()
    {
        AssertNone(ModuleChecks.ForbiddenDependencies(ModuleMap.Dependencies, ModuleRules.MayDependOn, ModuleRules.Composition));
    }

    [Fact]
    public void An_entity_is_used_only_inside_its_module()
    {
        AssertNone(ModuleChecks.ForeignEntityUses(ModuleMap.Dependencies, ModuleMap.EntityModules, ModuleRules.ReferenceEntities, ModuleRules.Composition));
    }

    [Fact]
    public void Pages_and_endpoints_reach_the_database_only_through_use_cases()
    {
        var uses = ModuleMap.Dependencies
            .Where(d => d.FromModule == "Web" && d.ToType == "Zhengzhao.Persistence.ZhengzhaoDbContext" && !ModuleRules.HostTypesWithDbContext.Contains(d.FromType))
            .Select(d => d.FromType)
            .Distinct();

        Assert.Empty(uses);
    }

    [Fact]
    public void The_architecture_page_draws_the_graph_of_the_rules()
    {
        var page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "architecture.md"));
        var graph = ModuleChecks.Mermaid(ModuleRules.MayDependOn);

        Assert.True(page.Contains(graph, StringComparison.Ordinal), "docs/architecture.md should carry the module graph as the rules draw it:\n" + graph);
    }

    [Fact]
    public void A_forbidden_read_is_reported_with_the_types_that_make_it()
    {
        // The checks are pure; a made-up dependency shows what a deliberate cross-module read would report.
        var rules = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["Registry"] = [], ["Credit"] = ["Registry"] };
        var entities = new Dictionary<string, string>(StringComparer.Ordinal) { ["Zhengzhao.Registry.Enterprise"] = "Registry" };
        var read = new TypeDependency("Credit", "Zhengzhao.Credit.GetPublicRecord", "Registry", "Zhengzhao.Registry.Enterprise");
        var back = new TypeDependency("Registry", "Zhengzhao.Registry.RecordRegistration", "Credit", "Zhengzhao.Credit.JointDiscipline");

        Assert.Equal(["Credit uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Credit.GetPublicRecord"],
            ModuleChecks.ForeignEntityUses([read], entities, new HashSet<string>(), new HashSet<string>()));
        Assert.Equal(["Registry may not depend on Credit: Zhengzhao.Registry.RecordRegistration uses Zhengzhao.Credit.JointDiscipline"],
            ModuleChecks.ForbiddenDependencies([read, back], rules, new HashSet<string>()));
        Assert.Equal(["Credit -> Registry -> Credit"], ModuleChecks.Cycles(new Dictionary<string, string[]> { ["Credit"] = ["Registry"], ["Registry"] = ["Credit"] }));
    }

    private static void AssertNone(IReadOnlyList<string> violations) =>
        Assert.True(violations.Count == 0, $"{violations.Count} module boundary violation(s):\n" + string.Join('\n', violations));
}

/// <summary>The checks themselves, pure over dependencies and rules.</summary>
public static class ModuleChecks
{
    public static IReadOnlyList<string> ForbiddenDependencies(IEnumerable<TypeDependency> dependencies, IReadOnlyDictionary<string, string[]> rules, IReadOnlySet<string> composition) =>
        dependencies
            .Where(d => !composition.Contains(d.FromModule) && !composition.Contains(d.ToModule))
            .Where(d => !rules.TryGetValue(d.FromModule, out var allowed) || !allowed.Contains(d.ToModule))
            .Select(d => $"{d.FromModule} may not depend on {d.ToModule}: {d.FromType} uses {d.ToType}")
            .Order(StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<string> ForeignEntityUses(IEnumerable<TypeDependency> dependencies, IReadOnlyDictionary<string, string> entityModules, IReadOnlySet<string> referenceEntities, IReadOnlySet<string> composition) =>
        dependencies
            .Where(d => entityModules.TryGetValue(d.ToType, out var owner) && owner != d.FromModule)
            .Where(d => !referenceEntities.Contains(d.ToType) && !composition.Contains(d.FromModule) && !composition.Contains(d.ToModule))
            .Select(d => $"{d.FromModule} uses {d.ToModule}'s entity {d.ToType} in {d.FromType}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every cycle's path, found by depth-first search from each module in name order.</summary>
    public static IReadOnlyList<string> Cycles(IReadOnlyDictionary<string, string[]> rules)
    {
        var found = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in rules.Keys.Order(StringComparer.Ordinal))
        {
            Visit(start, []);
        }

        return found;

        void Visit(string module, List<string> path)
        {
            if (path.Contains(module))
            {
                found.Add(string.Join(" -> ", path.SkipWhile(m => m != module).Append(module)));
                return;
            }

            if (!done.Add(module))
            {
                return;
            }

            foreach (var next in rules.GetValueOrDefault(module, []))
            {
                Visit(next, [.. path, module]);
            }
        }
    }

    /// <summary>
    /// The graph as Mermaid, without the edges to Common (every module has one), so the page stays readable.
    /// </summary>
    public static string Mermaid(IReadOnlyDictionary<string, string[]> rules)
    {
        var text = new StringBuilder("```mermaid\nflowchart BT\n");
        foreach (var (module, targets) in rules.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            foreach (var target in targets.Where(t => t != "Common").Order(StringComparer.Ordinal))
            {
                text.Append("  ").Append(module).Append(" --> ").Append(target).Append('\n');
            }
        }

        return text.Append("```").ToString();
    }
}
