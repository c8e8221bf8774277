using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Common;
using Zhengzhao.Credit;
using Zhengzhao.Identity;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Credit;

/// <summary>行政处罚录入: a department enters the penalties it decided; each goes on the company's credit record at once.</summary>
[Authorize(Roles = Roles.Approver + "," + Roles.DepartmentAdmin + "," + Roles.Inspector + "," + Roles.Regulator)]
public sealed class PenaltiesModel(ListPenalties list, RecordPenalty record, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? DecisionNumber { get; set; }

    [BindProperty]
    public string? Uscc { get; set; }

    [BindProperty]
    public string? LegalBasis { get; set; }

    [BindProperty]
    public string? Facts { get; set; }

    [BindProperty]
    public PenaltyMeasure? Measure { get; set; }

    [BindProperty]
    public decimal? Amount { get; set; }

    [BindProperty]
    public DateOnly? DecidedOn { get; set; }

    public IReadOnlyList<ListPenalties.Line> Penalties { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DecidedOn = ChinaTime.Today(time);
        Penalties = await list.HandleAsync(User.DepartmentCode(), cancellationToken);
    }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        // A measure the list does not offer binds as no measure and is refused by the use case, not taken as the first.
        var result = await record.HandleAsync(new(DecisionNumber, Uscc, LegalBasis, Facts, Measure, Amount, DecidedOn, User.DepartmentCode(), User.ToActor()), cancellationToken);
        if (result.IsSuccess)
        {
            var recorded = result.Value;
            Done = recorded.Replayed
                ? $"处罚决定 {recorded.Penalty.DecisionNumber} 已录入（重复提交未产生变化）。"
                : $"已录入处罚决定 {recorded.Penalty.DecisionNumber}，已记入企业信用记录{(recorded.Entry.PublishedLate ? $"；已超过公示时限（应于 {recorded.Entry.PublishDueOn:yyyy-MM-dd} 前公示），计入本部门逾期公示" : string.Empty)}。";
            (DecisionNumber, Uscc, LegalBasis, Facts, Measure, Amount) = (null, null, null, null, null, null);
            ModelState.Clear();
        }
        else
        {
            Error = result.Refusal.Detail;
        }

        Penalties = await list.HandleAsync(User.DepartmentCode(), cancellationToken);
    }
}
