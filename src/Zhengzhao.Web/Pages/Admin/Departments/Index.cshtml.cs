using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Web.Pages.Admin.Departments;

public sealed class IndexModel(ListReferenceData referenceData) : PageModel
{
    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Departments = await referenceData.DepartmentsAsync(activeOnly: false, cancellationToken);
        RegionNames = (await referenceData.RegionsAsync(cancellationToken)).ToDictionary(r => r.Code, r => r.Name);
    }
}
