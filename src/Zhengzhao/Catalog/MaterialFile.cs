using System.Security.Cryptography;
using Zhengzhao.Common;

namespace Zhengzhao.Catalog;

/// <summary>
/// A template or filled sample of a material, downloadable from the service guide. Kept in the database: the files
/// are small, public, and must reach every instance and every backup together with the versions that name them.
/// </summary>
public sealed class MaterialFile : Audit.IAudited
{
    private MaterialFile()
    {
        FileName = ContentType = Sha256 = UploadedBy = string.Empty;
        Content = [];
    }

    public MaterialFile(string fileName, string contentType, byte[] content, string uploadedBy, DateTime uploadedAt)
    {
        ArgumentNullException.ThrowIfNull(content);
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Length = content.Length;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Length { get; private set; }

    public string Sha256 { get; private set; }

    public byte[] Content { get; private set; }

    public string UploadedBy { get; private set; }

    public DateTime UploadedAt { get; private set; }
}

/// <summary>Which files a template may be, told by their first bytes, not by the name the uploader gave.</summary>
public static class MaterialFileTypes
{
    public const long MaxBytes = 2 * 1024 * 1024;

    private static readonly (string Extension, string ContentType, byte[] Magic)[] Allowed =
    [
        (".pdf", "application/pdf", "%PDF"u8.ToArray()),
        (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [0x50, 0x4B, 0x03, 0x04]),
        (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [0x50, 0x4B, 0x03, 0x04]),
        (".doc", "application/msword", [0xD0, 0xCF, 0x11, 0xE0]),
        (".xls", "application/vnd.ms-excel", [0xD0, 0xCF, 0x11, 0xE0]),
        (".png", "image/png", [0x89, 0x50, 0x4E, 0x47]),
        (".jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".jpeg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
    ];

    public static string AllowedExtensions => string.Join("、", Allowed.Select(a => a.Extension));

    /// <summary>The content type for a file whose name and first bytes agree, or the reason it is refused.</summary>
    public static (string? ContentType, string? Reason) Check(string fileName, ReadOnlySpan<byte> content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var type = Allowed.FirstOrDefault(a => a.Extension == extension);
        if (type.Extension is null)
        {
            return (null, $"不支持“{extension}”文件，请上传 {AllowedExtensions} 格式。");
        }

        if (content.Length == 0)
        {
            return (null, "文件是空的。");
        }

        if (content.Length > MaxBytes)
        {
            return (null, $"文件超过 {MaxBytes / 1024 / 1024} MB。");
        }

        return content.StartsWith(type.Magic) ? (type.ContentType, null) : (null, $"文件内容与“{extension}”格式不符，可能已损坏或被改了扩展名。");
    }
}
