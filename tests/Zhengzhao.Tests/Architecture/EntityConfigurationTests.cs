using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Persistence;

namespace Zhengzhao.Tests.Architecture;

/// <summary>
/// Where an entity's mapping is found (docs/architecture.md, "EF configuration"): one configuration class per entity,
/// named after it and beside it in its module, so a newcomer guesses the file and a module's tables stay its own.
/// </summary>
public sealed class EntityConfigurationTests
{
    private static readonly IReadOnlyList<(Type Configuration, Type Entity)> Configurations =
        [.. typeof(ZhengzhaoDbContext).Assembly.GetTypes()
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
                .Select(i => (Configuration: t, Entity: i.GetGenericArguments()[0])))];

    [Fact]
    public void Every_configuration_is_named_after_its_entity_and_lives_in_its_namespace()
    {
        var misplaced = Configurations
            .Where(c => c.Configuration.Name != c.Entity.Name + "Configuration" || c.Configuration.Namespace != c.Entity.Namespace)
            .Select(c => $"{c.Configuration.FullName} configures {c.Entity.FullName}");

        Assert.Empty(misplaced);
    }

    [Fact]
    public void Every_table_of_ours_has_exactly_one_configuration()
    {
        var tables = typeof(ZhengzhaoDbContext).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0])
            .Where(t => t.Namespace?.StartsWith("Zhengzhao.", StringComparison.Ordinal) == true); // the framework's own (data protection keys) map by its conventions

        var counts = tables.Select(t => (Entity: t, Count: Configurations.Count(c => c.Entity == t))).Where(t => t.Count != 1);

        Assert.Empty(counts.Select(t => $"{t.Entity.Name}: {t.Count} configurations"));
    }
}
