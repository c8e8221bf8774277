using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Catalog;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Web.Pages.Catalog;

public sealed class ItemModel(GetServiceGuide getGuide, ListReferenceData referenceData) : PageModel
{
    private IReadOnlyList<Region> _regions = [];

    public GetServiceGuide.Guide? Guide { get; private set; }

    public string PauseText => Guide is null
        ? string.Empty
        : string.Join("、", new[] { Guide.Content.PauseForSupplement ? "申请人补正材料" : null, Guide.Content.PauseForTesting ? "检验、检测" : null, Guide.Content.PauseForExpertReview ? "专家评审" : null }.OfType<string>());

    public async Task<IActionResult> OnGetAsync(string code, int? version, CancellationToken cancellationToken)
    {
        var result = await getGuide.HandleAsync(new(code, version), cancellationToken);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Guide = result.Value;
        _regions = await referenceData.RegionsAsync(cancellationToken);
        return Page();
    }

    public string RegionName(string code) => _regions.FirstOrDefault(r => r.Code == code)?.Name ?? code;
}
