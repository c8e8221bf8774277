using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;
using Zhengzhao.Registry;

namespace Zhengzhao.Web.Pages.Services;

public sealed class UsccModel(ListReferenceData referenceData) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public UsccCheck? Check { get; private set; }

    /// <summary>The name of the registering authority's region, when it is one of ours.</summary>
    public string? RegionName { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Code is null)
        {
            return;
        }

        Check = Uscc.Check(Code);
        if (Check.Code is { } code)
        {
            RegionName = (await referenceData.RegionsAsync(cancellationToken)).FirstOrDefault(r => r.Code == code.RegionCode)?.Name;
        }
    }
}
