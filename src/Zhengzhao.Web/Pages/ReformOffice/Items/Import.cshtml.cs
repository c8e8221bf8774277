using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Catalog;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.ReformOffice.Items;

public sealed class ImportModel(ImportCatalog import) : PageModel
{
    public ImportCatalog.Outcome? Outcome { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            Outcome = new ImportCatalog.Outcome("请选择要导入的文件。", [], 0, 0, 0);
            return;
        }

        await using var stream = file.OpenReadStream();
        Outcome = await import.HandleAsync(new(stream, file.Length, User.ToActor()), cancellationToken);
    }
}
