using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengzhao.Catalog;

namespace Zhengzhao.Persistence;

/// <summary>
/// A value kept as one JSON document in a text column: read and written whole with its owner, compared by its JSON
/// so a change inside a list or record is saved. Written as the catalogue writes JSON (enums by name, Chinese readable).
/// </summary>
public static class JsonColumns
{
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        property.HasConversion(v => Write(v), json => Read<T>(json));
        property.Metadata.SetValueComparer(new ValueComparer<T>(
            (a, b) => Write(a) == Write(b),
            v => Write(v).GetHashCode(StringComparison.Ordinal),
            v => Read<T>(Write(v))));
        return property;
    }

    private static string Write<T>(T? value) => JsonSerializer.Serialize(value, CatalogJson.Options);

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, CatalogJson.Options)!;
}
