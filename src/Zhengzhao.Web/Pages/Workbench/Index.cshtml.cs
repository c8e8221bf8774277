using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Common;
using Zhengzhao.Coordination;
using Zhengzhao.Deadlines;
using Zhengzhao.Identity;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Workbench;

public sealed class IndexModel(GetAccountProfile getProfile, ListNotificationLetters letters, TrackLoops track, ListOpenDeadlines deadlines, TimeProvider time) : PageModel
{
    // What each role does on the platform (DESIGN.md §1), shown on the desk so every user knows their remit.
    private static readonly Dictionary<string, string[]> DutiesByRole = new()
    {
        [Roles.Applicant] = ["查看本企业经营范围需要办理的许可", "网上申报、承诺、跟踪办理进度、预约窗口", "查看本企业信用记录"],
        [Roles.WindowClerk] = ["在服务大厅受理申请，材料不全时一次性告知全部补正内容", "符合条件的当场受理，首办负责到底"],
        [Roles.Approver] = ["审查并作出许可决定，签发许可证", "对告知承诺事项在核查期内核查"],
        [Roles.DepartmentAdmin] = ["维护本部门事项、人员和抽查事项清单"],
        [Roles.Regulator] = ["企业登记、双告知推送", "信用信息公示、经营异常名录和严重违法失信名单管理"],
        [Roles.Inspector] = ["执行“双随机、一公开”抽查任务并录入检查结果"],
        [Roles.Oversight] = ["督查各部门办理时效，对超期事项追责", "查阅审计日志"],
        [Roles.ReformOffice] = ["维护改革事项目录和推广计划"],
        [Roles.Administrator] = ["管理账户、部门、区划和工作日历", "查阅并校验审计日志"],
    };

    public GetAccountProfile.Profile? Profile { get; private set; }

    public IReadOnlyList<string> Duties { get; private set; } = [];

    /// <summary>An applicant's notification letters and the loops of its company.</summary>
    public (IReadOnlyList<NotificationLetter> Letters, IReadOnlyList<TrackLoops.Line> Loops)? Company { get; private set; }

    /// <summary>How many deadlines the desk shows; the API lists more.</summary>
    public const int DeadlinesShown = 50;

    /// <summary>The deadlines the user's department or company has open: overdue, and those due in the coming days. Null for an account with neither.</summary>
    public IReadOnlyList<OpenDeadline>? Deadlines { get; private set; }

    public DateOnly Today { get; } = ChinaTime.Today(time);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Profile = await getProfile.HandleAsync(User.Identity!.Name!, cancellationToken);
        if (Profile is null)
        {
            return Challenge();
        }

        Duties = Profile.Roles.SelectMany(r => DutiesByRole[r.Name]).ToList();
        // The registrar's desk shows its own department's; those who oversee and work no department's matters, all.
        var reader = User.DeadlineReader();
        var open = await deadlines.HandleAsync(new(reader.DepartmentCode, Limit: DeadlinesShown), reader, cancellationToken);
        Deadlines = open.IsSuccess ? open.Value : null;
        if (User.IsInRole(Roles.Applicant) && User.EnterpriseUscc() is { } uscc)
        {
            Company = (await letters.HandleAsync(uscc, new(uscc), cancellationToken), await track.ListAsync(new(null, IncludeClosed: true, uscc), cancellationToken));
        }

        return Page();
    }
}
