using Microsoft.Extensions.Options;
using Zhengzhao.Catalog;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>
/// Opens a file of an application for someone who may read the application: a material handed in, the agent's
/// power of attorney, or an assessment's attachment. A file is reached only through an application that names it, never by its id alone.
/// </summary>
public sealed class OpenMaterial(ZhengzhaoDbContext db, FindApplications find, IOptions<UploadStorageOptions> storage) : IUseCase
{
    public sealed record Opened(Stream Content, string FileName, string ContentType);

    public async Task<Result<Opened>> OpenAsync(Guid applicationId, Guid uploadId, FindApplications.Reader reader, CancellationToken cancellationToken = default)
    {
        var view = await find.GetAsync(applicationId, reader, cancellationToken);
        if (!view.IsSuccess)
        {
            return view.Refusal!;
        }

        var application = view.Value!.Application;
        return await db.OpenNamedUploadAsync(storage.Value, application.Uscc, application.Uploads, uploadId, "这件申请没有这个文件。", cancellationToken);
    }

    /// <summary>An upload's file for reading, once the caller has shown the reader may see it; null upload: not found.</summary>
    internal static Result<Opened> Open(UploadStorageOptions storage, MaterialUpload? upload, string notFound)
    {
        var path = upload is null ? null : Path.Combine(storage.Root, upload.StoredAs);
        if (path is null || !File.Exists(path))
        {
            return new Refusal("licensing/file-not-found", "文件不存在", notFound, RefusalKind.NotFound);
        }

        var type = upload!.Kind switch
        {
            MaterialFileKind.Pdf => "application/pdf",
            MaterialFileKind.Jpeg => "image/jpeg",
            _ => "image/png",
        };
        return new Opened(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true), upload.FileName, type);
    }
}
