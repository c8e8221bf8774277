using Zhengzhao.Common;
using Zhengzhao.Licensing;

namespace Zhengzhao.Web.Hosting;

/// <summary>The files of a form field, uploaded one by one for a company, as the pages that take attachments need.</summary>
public static class FormUploads
{
    /// <summary>The ids of the uploads, or the first file's refusal, named in Chinese; files already taken stay stored, unreferenced.</summary>
    public static async Task<Result<List<Guid>>> UploadAllAsync(this UploadMaterial upload, IEnumerable<IFormFile> files, string uscc, FindApplications.Reader by, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(files);
        var ids = new List<Guid>();
        foreach (var form in files.Where(f => f.Length > 0))
        {
            await using var content = form.OpenReadStream();
            var uploaded = await upload.HandleAsync(new(uscc, form.FileName, form.ContentType, form.Length, content, by, actor), cancellationToken);
            if (!uploaded.IsSuccess)
            {
                return uploaded.Refusal! with { Detail = $"附件“{FileNames.Clean(form.FileName)}”：{uploaded.Refusal!.Detail}" };
            }

            ids.Add(uploaded.Value!.Id);
        }

        return ids;
    }
}
