using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Common;
using Zhengzhao.Credit;
using Zhengzhao.Identity;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Credit;

/// <summary>逾期公示: entries published after their limit, by department; the oversight office sees all, a head its own.</summary>
[Authorize(Roles = Roles.Oversight + "," + Roles.DepartmentAdmin)]
public sealed class LateModel(ListLatePublications list, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public IReadOnlyList<ListLatePublications.Department> Departments { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(time);
        From ??= today.AddYears(-1);
        To ??= today;
        var late = await list.HandleAsync(User.IsInRole(Roles.Oversight) ? null : User.DepartmentCode(), From.Value, To.Value, cancellationToken);
        Departments = late.Value ?? [];
        Error = late.Refusal?.Detail;
    }
}
