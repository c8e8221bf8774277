using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Catalog;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;
using Zhengzhao.Web.Api;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.ReformOffice;

public sealed class RolloutModel(EditRollout rollout, ListReferenceData referenceData) : PageModel
{
    public IReadOnlyList<Rollout> Lines { get; private set; } = [];

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CatalogKind kind, string? itemCode, string? regionCode, string? from, string? note, CancellationToken cancellationToken)
    {
        var date = ApiInput.Date(from, "起始日期");
        var result = date.IsSuccess
            ? await rollout.AddAsync(new(kind, itemCode, regionCode ?? string.Empty, date.Value, note ?? string.Empty, User.ToActor()), cancellationToken)
            : date.Refusal!;
        return await DoneAsync(result.Refusal?.Detail, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await rollout.RemoveAsync(id, User.ToActor(), cancellationToken);
        return await DoneAsync(result.Refusal?.Detail, cancellationToken);
    }

    public string RegionName(string code) => Regions.FirstOrDefault(r => r.Code == code)?.Name ?? string.Empty;

    private async Task<IActionResult> DoneAsync(string? error, CancellationToken cancellationToken)
    {
        if (error is null)
        {
            return RedirectToPage();
        }

        Error = error;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Lines = await rollout.ListAsync(cancellationToken);
        Regions = await referenceData.RegionsAsync(cancellationToken);
    }
}
