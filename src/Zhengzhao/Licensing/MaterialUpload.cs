using Zhengzhao.Catalog;
using Zhengzhao.Common;

namespace Zhengzhao.Licensing;

/// <summary>
/// An uploaded material file of one company: kept outside the web root under its SHA-256, checked to be what it
/// says it is. A company may use one upload (say, its licence scan) in several applications. Once a use case puts it
/// to use (<see cref="MaterialUploads.PutInUseAsync"/>) it is part of a record and is kept for good, even when what
/// named it no longer does (a material replaced by a supplement).
/// </summary>
public sealed class MaterialUpload : Audit.IAudited
{
    private MaterialUpload()
    {
        Uscc = FileName = Sha256 = StoredAs = UploadedBy = string.Empty;
    }

    public MaterialUpload(string uscc, string fileName, MaterialFileKind kind, long size, string sha256, string storedAs, string uploadedBy, DateTime uploadedAt)
        : this()
    {
        Uscc = uscc;
        FileName = fileName;
        Kind = kind;
        Size = size;
        Sha256 = sha256;
        StoredAs = storedAs;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    /// <summary>The company whose material it is: only that company's applications may use it.</summary>
    public string Uscc { get; private set; }

    public string FileName { get; private set; }

    public MaterialFileKind Kind { get; private set; }

    public long Size { get; private set; }

    public string Sha256 { get; private set; }

    /// <summary>The path under the upload root (never under wwwroot).</summary>
    public string StoredAs { get; private set; }

    public string UploadedBy { get; private set; }

    /// <summary>When it was uploaded, in UTC.</summary>
    public DateTime UploadedAt { get; private set; }

    /// <summary>When a record first used it, in UTC; set once and never cleared. Null for an upload no record has used yet.</summary>
    public DateTime? InUseSince { get; private set; }
}

/// <summary>What an upload must be: a known kind by its first bytes, matching its name and declared type, within the size limit.</summary>
public static class MaterialFileRules
{
    /// <summary>The most any material may be; an item may hold one of its materials to less (<see cref="MaterialFileRule"/>).</summary>
    public const long MaxBytes = MaterialFileRule.PlatformMaxMegabytes * 1024L * 1024L;

    /// <summary>
    /// How long an upload no record has used is kept (<see cref="SweepUploads"/>). Files are uploaded before the
    /// form that uses them is sent, and a person may leave a long form half done over a lunch break or until the next
    /// morning's office hours: a day covers that, while a filing refused or abandoned leaves nothing for long.
    /// </summary>
    public static readonly TimeSpan UnusedGracePeriod = TimeSpan.FromHours(24);

    /// <summary>The kind the content shows, read from its signature, not from its name.</summary>
    public static MaterialFileKind? Detect(ReadOnlySpan<byte> head) => head switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => MaterialFileKind.Pdf, // %PDF-
        [0xFF, 0xD8, 0xFF, ..] => MaterialFileKind.Jpeg,
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => MaterialFileKind.Png,
        _ => null,
    };

    /// <summary>The kind a file claims by its extension and declared media type; null when they disagree or are unknown.</summary>
    public static MaterialFileKind? Declared(string fileName, string? contentType)
    {
        var byName = Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".PDF" => MaterialFileKind.Pdf,
            ".JPG" or ".JPEG" => MaterialFileKind.Jpeg,
            ".PNG" => MaterialFileKind.Png,
            _ => (MaterialFileKind?)null,
        };
        var byType = contentType?.Split(';')[0].Trim().ToUpperInvariant() switch
        {
            null or "" or "APPLICATION/OCTET-STREAM" => byName,
            "APPLICATION/PDF" => MaterialFileKind.Pdf,
            "IMAGE/JPEG" => MaterialFileKind.Jpeg,
            "IMAGE/PNG" => MaterialFileKind.Png,
            _ => null,
        };
        return byName == byType ? byName : null;
    }

    /// <summary>Why an upload is refused, in Chinese, or null when it is acceptable.</summary>
    public static string? Problem(string fileName, string? contentType, long length, ReadOnlySpan<byte> head)
    {
        if (length == 0)
        {
            return "文件为空。";
        }

        if (length > MaxBytes)
        {
            return $"文件超过 {MaxBytes / 1024 / 1024} MB。";
        }

        if (Declared(fileName, contentType) is not { } declared)
        {
            return "只接受 PDF、JPG 或 PNG 文件（扩展名与文件类型须一致）。";
        }

        return Detect(head) == declared ? null : $"文件内容与其类型（{declared}）不符，可能已损坏或被改名。";
    }
}
