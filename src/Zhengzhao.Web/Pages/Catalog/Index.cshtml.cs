using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Catalog;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Web.Pages.Catalog;

public sealed class IndexModel(ListItems listItems, ListReferenceData referenceData) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ReformMode? Mode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public CatalogKind? Catalog { get; set; }

    public ListItems.Listing? Listing { get; private set; }

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A malformed filter in the address (?mode=x) is ignored, as the form would never send it.
        ModelState.Clear();
        Listing = await listItems.HandleAsync(new(Mode, Department, Q, Catalog), cancellationToken);
        Departments = await referenceData.DepartmentsAsync(activeOnly: true, cancellationToken);
    }

    public string Link(ReformMode mode) =>
        QueryString.Create(new Dictionary<string, string?> { ["mode"] = mode.ToString(), ["department"] = Department, ["q"] = Q, ["catalog"] = Catalog?.ToString() }).ToUriComponent();
}
