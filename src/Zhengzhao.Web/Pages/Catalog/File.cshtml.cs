using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Catalog;

namespace Zhengzhao.Web.Pages.Catalog;

/// <summary>Downloads a material's template or sample under its original name.</summary>
public sealed class FileModel(GetMaterialFile getFile) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await getFile.HandleAsync(id, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.ETag = $"\"{file.Sha256}\"";
        return File(file.Content, file.ContentType, file.FileName);
    }
}
