using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Admin.Regions;

public sealed class IndexModel(ListReferenceData referenceData, EditRegion editRegion) : PageModel
{
    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Regions = await referenceData.RegionsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string code, string? name, bool isPilotZone, CancellationToken cancellationToken)
    {
        var result = await editRegion.HandleAsync(new(code, name ?? string.Empty, isPilotZone, User.ToActor()), cancellationToken);
        if (result.IsSuccess)
        {
            return Redirect("/Admin/Regions");
        }

        Error = result.Refusal.Detail;
        Regions = await referenceData.RegionsAsync(cancellationToken);
        return Page();
    }
}
