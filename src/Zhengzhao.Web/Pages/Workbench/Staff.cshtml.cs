using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Web.Pages.Workbench;

[Authorize(Roles = Roles.DepartmentAdmin)]
public sealed class StaffModel(ListAccounts listAccounts, ListReferenceData referenceData) : PageModel
{
    public IReadOnlyList<ListAccounts.Account> Accounts { get; private set; } = [];

    public string DepartmentName { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var department = User.FindFirst(ZhengzhaoClaims.Department)?.Value;
        Accounts = department is null ? [] : await listAccounts.HandleAsync(new(department), cancellationToken);
        DepartmentName = (await referenceData.DepartmentsAsync(activeOnly: false, cancellationToken)).FirstOrDefault(d => d.Code == department)?.Name ?? "本部门";
    }
}
