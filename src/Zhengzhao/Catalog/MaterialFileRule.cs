namespace Zhengzhao.Catalog;

/// <summary>The kinds of file an application material may be: what government halls accept as scans and forms.</summary>
public enum MaterialFileKind
{
    Pdf,
    Jpeg,
    Png,
}

/// <summary>
/// What files one material of an item accepts: some of the platform's kinds, up to a size no larger than the
/// platform's. A material without one accepts <see cref="Platform"/>. A photo may be held to JPG under 2 MB, a
/// signed form to PDF.
/// </summary>
public sealed record MaterialFileRule(IReadOnlyList<MaterialFileKind> Kinds, int MaxMegabytes)
{
    public const int PlatformMaxMegabytes = 10;

    public static readonly MaterialFileRule Platform = new([MaterialFileKind.Pdf, MaterialFileKind.Jpeg, MaterialFileKind.Png], PlatformMaxMegabytes);

    /// <summary>At least one kind, each once, in a fixed order, so that the same rule always reads and compares the same.</summary>
    public IReadOnlyList<MaterialFileKind> Kinds { get; } = Kinds is { Count: > 0 } && Kinds.All(Enum.IsDefined)
        ? [.. Kinds.Distinct().Order()]
        : throw new ArgumentException("A material takes at least one known kind of file.", nameof(Kinds));

    public int MaxMegabytes { get; } = MaxMegabytes is >= 1 and <= PlatformMaxMegabytes
        ? MaxMegabytes
        : throw new ArgumentOutOfRangeException(nameof(MaxMegabytes), MaxMegabytes, $"A material's limit is 1 to {PlatformMaxMegabytes} MB.");

    [System.Text.Json.Serialization.JsonIgnore]
    public long MaxBytes => MaxMegabytes * 1024L * 1024L;

    /// <summary>How the guide and the form say it, e.g. "PDF、JPG，不超过 5 MB".</summary>
    public string Describe() => $"{string.Join("、", Kinds.Select(Name))}，不超过 {MaxMegabytes} MB";

    /// <summary>The <c>accept</c> of a file input for this material, so the browser offers only what will be taken.</summary>
    public string Accept() => string.Join(',', Kinds.Select(k => k switch
    {
        MaterialFileKind.Pdf => ".pdf,application/pdf",
        MaterialFileKind.Jpeg => ".jpg,.jpeg,image/jpeg",
        _ => ".png,image/png",
    }));

    /// <summary>Why a file of this kind and size is refused for <paramref name="material"/>, in Chinese; null when accepted.</summary>
    public string? Problem(string material, MaterialFileKind kind, long size)
    {
        if (!Kinds.Contains(kind))
        {
            return $"材料“{material}”只接受 {string.Join("、", Kinds.Select(Name))} 文件，所附文件为 {Name(kind)}。";
        }

        return size > MaxBytes ? $"材料“{material}”的文件不超过 {MaxMegabytes} MB，所附文件为 {size / 1024.0 / 1024.0:0.#} MB。" : null;
    }

    /// <summary>Two rules are the same when they take the same kinds, in the same order, up to the same size.</summary>
    public bool Equals(MaterialFileRule? other) =>
        other is not null && MaxMegabytes == other.MaxMegabytes && Kinds.SequenceEqual(other.Kinds);

    public override int GetHashCode() => HashCode.Combine(MaxMegabytes, Kinds.Count > 0 ? Kinds[0] : default);

    public static string Name(MaterialFileKind kind) => kind switch
    {
        MaterialFileKind.Pdf => "PDF",
        MaterialFileKind.Jpeg => "JPG",
        _ => "PNG",
    };

    /// <summary>A kind as people write it: PDF, JPG or JPEG, PNG, in any case.</summary>
    public static MaterialFileKind? KindNamed(string text) => text.Trim().ToUpperInvariant() switch
    {
        "PDF" => MaterialFileKind.Pdf,
        "JPG" or "JPEG" => MaterialFileKind.Jpeg,
        "PNG" => MaterialFileKind.Png,
        _ => null,
    };
}
