using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Licensing.Verifications;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Licensing.Verifications;

/// <summary>核查任务: the department's verifications of commitments and sampled filings, overdue first.</summary>
[Authorize(Roles = Roles.Approver + "," + Roles.DepartmentAdmin)]
public sealed class IndexModel(FindVerifications find, TimeProvider time) : PageModel
{
    public FindVerifications.Worklist Worklist { get; private set; } = new([], []);

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = ChinaTime.Today(time);
        Worklist = await find.ForDepartmentAsync(User.DepartmentCode(), cancellationToken);
    }
}
