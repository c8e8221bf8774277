using ArchUnitNET.Loader;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Persistence;

namespace Zhengzhao.Tests.Architecture;

/// <summary>One dependency of one type on another, named by module and type.</summary>
public sealed record TypeDependency(string FromModule, string FromType, string ToModule, string ToType);

/// <summary>
/// What the compiled code actually depends on, read from the assemblies' IL by ArchUnitNET: every type's dependencies
/// (fields, signatures, calls, generic arguments such as the entity of a <c>DbSet</c>), grouped by module.
/// A module is the second segment of a namespace (<c>Zhengzhao.Credit.*</c> is Credit); the host is Web.
/// </summary>
public static class ModuleMap
{
    private static readonly Lazy<IReadOnlyList<TypeDependency>> Loaded = new(Load);

    public static IReadOnlyList<TypeDependency> Dependencies => Loaded.Value;

    /// <summary>The entity types of the model, by the module that declares them (framework types left out).</summary>
    public static IReadOnlyDictionary<string, string> EntityModules { get; } = ReadEntityModules();

    public static string? ModuleOf(string? ns) => ns switch
    {
        null => null,
        _ when ns.StartsWith("Zhengzhao.Web", StringComparison.Ordinal) => "Web",
        _ when ns.StartsWith("Zhengzhao.Tests", StringComparison.Ordinal) => null,
        _ when ns.StartsWith("Zhengzhao.", StringComparison.Ordinal) => ns.Split('.')[1],
        _ => null,
    };

    private static List<TypeDependency> Load()
    {
        var architecture = new ArchLoader()
            .LoadAssemblies(typeof(ZhengzhaoDbContext).Assembly, typeof(Web.Hosting.Problems).Assembly)
            .Build();
        return architecture.Types
            .SelectMany(t => t.Dependencies)
            .Select(d => (From: ModuleOf(d.Origin.Namespace?.FullName), To: ModuleOf(d.Target.Namespace?.FullName), d))
            .Where(e => e.From is not null && e.To is not null && e.From != e.To)
            .Select(e => new TypeDependency(e.From!, TypeName(e.d.Origin.FullName), e.To!, TypeName(e.d.Target.FullName)))
            .Distinct()
            .ToList();
    }

    // Nested and compiler-made types (closures, async state machines) count as the type that declares them.
    private static string TypeName(string fullName) => fullName.Split('+')[0].Split('`')[0];

    private static Dictionary<string, string> ReadEntityModules()
    {
        using var db = new SqliteZhengzhaoDbContext(new DbContextOptionsBuilder<SqliteZhengzhaoDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Model.GetEntityTypes()
            .Select(e => e.ClrType)
            .Where(t => ModuleOf(t.Namespace) is not null)
            .DistinctBy(t => t.FullName)
            .ToDictionary(t => TypeName(t.FullName!), t => ModuleOf(t.Namespace)!, StringComparer.Ordinal);
    }
}
