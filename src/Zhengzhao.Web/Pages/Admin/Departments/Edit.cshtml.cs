using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Admin.Departments;

public sealed class EditModel(SaveDepartment saveDepartment, ListReferenceData referenceData) : PageModel
{
    [BindProperty]
    public bool IsNew { get; set; } = true;

    [BindProperty]
    public string Code { get; set; } = string.Empty;

    [BindProperty]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    public string? ShortName { get; set; }

    [BindProperty]
    public string RegionCode { get; set; } = "540000";

    [BindProperty]
    public bool IsActive { get; set; } = true;

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        Regions = await referenceData.RegionsAsync(cancellationToken);
        if (code is null)
        {
            return Page();
        }

        var department = (await referenceData.DepartmentsAsync(activeOnly: false, cancellationToken)).FirstOrDefault(d => d.Code == code);
        if (department is null)
        {
            return NotFound();
        }

        (IsNew, Code, Name, ShortName, RegionCode, IsActive) = (false, department.Code, department.Name, department.ShortName, department.RegionCode, department.IsActive);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await saveDepartment.HandleAsync(new(Code ?? string.Empty, Name ?? string.Empty, ShortName, RegionCode, IsActive, IsNew, User.ToActor()), cancellationToken);
        if (result.IsSuccess)
        {
            return Redirect("/Admin/Departments");
        }

        Error = result.Refusal.Detail;
        Regions = await referenceData.RegionsAsync(cancellationToken);
        return Page();
    }
}
