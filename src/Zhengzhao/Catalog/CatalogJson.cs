using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Zhengzhao.Catalog;

/// <summary>
/// How an item's content is written as JSON: in the database column, in the shipped catalogue files and in the
/// API. Enums by name and Chinese left readable, so a database administrator can read the column.
/// </summary>
public static class CatalogJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        RespectRequiredConstructorParameters = true,
    };

    public static string Write(ItemContent content) => JsonSerializer.Serialize(content, Options);

    public static ItemContent Read(string json) =>
        JsonSerializer.Deserialize<ItemContent>(json, Options) ?? throw new JsonException("An item's content is null.");
}
