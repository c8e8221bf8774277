using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Coordination;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Coordination;

[Authorize(Roles = Roles.Approver + "," + Roles.DepartmentAdmin + "," + Roles.Regulator + "," + Roles.Oversight + "," + Roles.ReformOffice + "," + Roles.Administrator)]
public sealed class TrackingModel(TrackLoops track, ListReferenceData referenceData) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool IncludeClosed { get; set; }

    /// <summary>For those who oversee every department: one department, or all when empty.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    public bool Overseer { get; private set; }

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public IReadOnlyList<TrackLoops.Line> Lines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Overseer = User.OverseesAllLoops();
        if (Overseer)
        {
            Departments = await referenceData.DepartmentsAsync(activeOnly: false, cancellationToken);
        }

        var scope = Overseer ? (string.IsNullOrWhiteSpace(Department) ? null : Department) : User.DepartmentCode();
        Lines = await track.ListAsync(new(scope, IncludeClosed), cancellationToken);
    }
}
