using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Registry;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Registry;

[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class ImportModel(ImportCompanies import, ListImportRuns runs) : PageModel
{
    // The file plus the multipart framing and the antiforgery field around it.
    private const long UploadLimit = ImportCompanies.MaxBytes + (1024 * 1024);

    public ImportCompanies.Outcome? Outcome { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<ListImportRuns.Run> Runs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Runs = await runs.HandleAsync(cancellationToken: cancellationToken);

    public async Task OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            Error = "请选择要导入的文件。";
        }
        else
        {
            await using var stream = file.OpenReadStream();
            var result = await import.HandleAsync(new(stream, file.FileName, User.ToActor()), cancellationToken);
            Outcome = result.Value;
            Error = result.Refusal?.Detail;
        }

        Runs = await runs.HandleAsync(cancellationToken: cancellationToken);
    }
}
