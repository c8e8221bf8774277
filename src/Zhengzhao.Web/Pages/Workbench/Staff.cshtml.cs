using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Workbench;

[Authorize(Roles = Roles.DepartmentAdmin)]
public sealed class StaffModel(ListAccounts listAccounts, ListReferenceData referenceData) : PageModel
{
    public IReadOnlyList<ListAccounts.Account> Accounts { get; private set; } = [];

    public string DepartmentName { get; private set; } = string.Empty;

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var department = User.FindFirst(ZhengzhaoClaims.Department)?.Value;
        Accounts = department is null ? [] : await listAccounts.HandleAsync(new(department), cancellationToken);
        DepartmentName = (await referenceData.DepartmentsAsync(activeOnly: false, cancellationToken)).FirstOrDefault(d => d.Code == department)?.Name ?? "本部门";
    }

    /// <summary>部门负责人: designated or cleared by the department administrator; the use case checks the account is of this department.</summary>
    public async Task<IActionResult> OnPostHeadAsync(string userName, bool isHead, [FromServices] SetDepartmentHead setHead, CancellationToken cancellationToken)
    {
        var result = await setHead.HandleAsync(new(userName ?? string.Empty, isHead, User.ToActor()), cancellationToken);
        if (result.IsSuccess)
        {
            return RedirectToPage();
        }

        Error = result.Refusal.Detail;
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
