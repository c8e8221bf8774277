using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Licensing;

/// <summary>部门负责人督办: the department's applications past a limit, extensions waiting, recent hand-overs.</summary>
[Authorize(Policy = IdentitySetup.DepartmentOverviewPolicy)]
public sealed class OverviewModel(DepartmentOverview overview) : PageModel
{
    public DepartmentOverview.Overview Overview { get; private set; } = new([], [], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Overview = await overview.ForAsync(User.DepartmentCode(), cancellationToken);
}
