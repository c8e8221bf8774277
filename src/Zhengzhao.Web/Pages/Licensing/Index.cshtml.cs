using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Licensing;

/// <summary>What each reader works on: a company its applications, a window its queue, a department its worklist.</summary>
[Authorize(Roles = Roles.Applicant + "," + Roles.WindowClerk + "," + Roles.Approver + "," + Roles.DepartmentAdmin)]
public sealed class IndexModel(FindApplications find) : PageModel
{
    public IReadOnlyList<FindApplications.View> Views { get; private set; } = [];

    public string Heading { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var reader = User.ApplicationReader();
        Heading = reader.Uscc is not null ? "我的申请" : reader.WindowRegion is not null ? "窗口待受理" : "本部门待办";
        Views = await find.ListForAsync(reader, cancellationToken);
    }
}
