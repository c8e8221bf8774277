using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Zhengzhao.Web.Tests.Infrastructure;

/// <summary>
/// One over-long or unfit value sent to an endpoint that otherwise takes the body: it must come back as a 400 problem
/// whose Chinese reason names the field's maximum (or the unfit character), and leave the audit trail, and so the
/// data, as it was.
/// </summary>
public static class TextLimitChecks
{
    /// <summary>What a careless client or an attacker sends instead of a name.</summary>
    public static readonly string HundredThousand = new('长', 100_000);

    /// <summary>A field the endpoint should refuse, and what its reason must say (the maximum, or the character).</summary>
    public sealed record Row(string Path, object Body, string Field, object Value, string Expected, string? ErrorKey = null)
    {
        public override string ToString() => $"{Path} {Field}";
    }

    public static Row TooLong(string path, object body, string field, int max, string? errorKey = null) =>
        new(path, body, field, HundredThousand, max.ToString(CultureInfo.InvariantCulture), errorKey);

    public static Row WithNul(string path, object body, string field, string? errorKey = null) =>
        new(path, body, field, "拉萨\0测试", "NUL", errorKey);

    public static Row WithControl(string path, object body, string field, string? errorKey = null) =>
        new(path, body, field, "拉萨\u001B[2J测试", "控制字符", errorKey);

    /// <summary>A right-to-left override, which shows the text after it backwards.</summary>
    public static Row WithBidi(string path, object body, string field, string? errorKey = null) =>
        new(path, body, field, "西藏\u202E司公", "文字方向", errorKey);

    public static async Task AssertRefusedAsync(this ZhengzhaoFactory factory, HttpClient client, Row row)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(row);
        var body = JsonSerializer.SerializeToNode(row.Body)!.AsObject();
        body[row.Field] = JsonValue.Create(row.Value);
        var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        var response = await client.PostAsJsonAsync(row.Path, body);

        Assert.True((int)response.StatusCode == 400, $"{row}: {(int)response.StatusCode}");
        var problem = await response.AssertProblemAsync(400);
        var detail = problem.GetProperty("detail").GetString()!;
        var reasons = problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(row.ErrorKey ?? row.Field, out var named) ? named : default;
        Assert.True(reasons.ValueKind == JsonValueKind.Array, $"{row}: no reason for the field in {detail}");
        var reason = reasons[0].GetString()!;
        Assert.True(reason.Contains(row.Expected, StringComparison.Ordinal), $"{row}: “{reason}” does not say {row.Expected}");
        // Its full stop gives way to a semicolon where other reasons follow it in the one-line detail.
        Assert.Contains(reason.TrimEnd('。'), detail, StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", reason);
        Assert.True(detail.Length < 1000, $"{row}: the detail echoes the value ({detail.Length} characters)");
        Assert.Equal(before, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }
}
