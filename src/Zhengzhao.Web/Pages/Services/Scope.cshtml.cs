using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Coordination;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;
using Zhengzhao.Registry;

namespace Zhengzhao.Web.Pages.Services;

public sealed class ScopeModel(AnalyseScope analyse, ListReferenceData referenceData) : PageModel
{
    [BindProperty]
    public string? BusinessScope { get; set; }

    [BindProperty]
    public EnterpriseType? EnterpriseType { get; set; } = Zhengzhao.Registry.EnterpriseType.DomesticCompany;

    [BindProperty]
    public string? Region { get; set; } = "540172";

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public AnalyseScope.Analysis? Analysis { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Regions = await referenceData.RegionsAsync(cancellationToken);

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await analyse.HandleAsync(new(BusinessScope, EnterpriseType, Region), cancellationToken);
        Analysis = result.Value;
        Error = result.Refusal?.Detail;
        Regions = await referenceData.RegionsAsync(cancellationToken);
    }
}
