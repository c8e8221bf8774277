using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Zhengzhao.Common;

namespace Zhengzhao.Web.Hosting;

/// <summary>
/// Schema names in the OpenAPI document. By default a schema is named by its type's short name, so two types of one
/// name (an endpoint's request record and a core type) share one schema and one of them is described wrongly; a name
/// that two of our types share is prefixed with what holds the type (its enclosing class, or its module).
/// </summary>
public static class SchemaNames
{
    private static readonly HashSet<string> Shared =
    [
        .. new[] { typeof(SchemaNames).Assembly, typeof(Refusal).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key),
    ];

    public static string? Of(JsonTypeInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var name = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        var type = info.Type;
        if (name != type.Name || !Shared.Contains(name))
        {
            return name;
        }

        return (type.DeclaringType?.Name ?? type.Namespace?[(type.Namespace.LastIndexOf('.') + 1)..]) + name;
    }
}
