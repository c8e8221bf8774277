using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Common;
using Zhengzhao.Credit;
using Zhengzhao.Identity;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Credit;

/// <summary>
/// 名录管理 for the market regulator: list a company on either list, answer objections, remove a cured listing,
/// confirm the three-year move. The oversight office reads the same page for every department.
/// </summary>
[Authorize(Roles = Roles.Regulator + "," + Roles.Oversight)]
public sealed class ListsModel(FindListings find, ListAbnormal listAbnormal, ListSerious listSerious, HandleObjection objection, RemoveAbnormal remove, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? Uscc { get; set; }

    [BindProperty]
    public string? DecisionNumber { get; set; }

    [BindProperty]
    public string? Facts { get; set; }

    [BindProperty]
    public DateOnly? ListedOn { get; set; }

    [BindProperty]
    public AbnormalCause? Cause { get; set; }

    [BindProperty]
    public SeriousCause? SeriousCause { get; set; }

    [BindProperty]
    public Guid? ListingId { get; set; }

    [BindProperty]
    public HandleObjection.ObjectionStep? Step { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public FindListings.Lists Lists { get; private set; } = null!;

    public bool CanDecide => User.IsInRole(Roles.Regulator);

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken)
    {
        ListedOn = ChinaTime.Today(time);
        return LoadAsync(cancellationToken);
    }

    public Task OnPostAbnormalAsync(CancellationToken cancellationToken) =>
        ActAsync(async () => (await listAbnormal.HandleAsync(new(Uscc, Cause, DecisionNumber, Facts, ListedOn, User.DepartmentCode(), User.ToActor()), cancellationToken))
            .Then(l => l.Replayed ? $"列入决定 {l.Listing.DecisionNumber} 已作出（重复提交未产生变化）。" : $"已将{l.Listing.EnterpriseName}列入经营异常名录，已记入信用记录并公示；异议期限至 {l.Listing.ObjectionDeadline:yyyy-MM-dd}。"), cancellationToken);

    public Task OnPostSeriousAsync(CancellationToken cancellationToken) =>
        ActAsync(async () => (await listSerious.HandleAsync(new(Uscc, SeriousCause, DecisionNumber, Facts, ListedOn, ListingId, User.DepartmentCode(), User.ToActor()), cancellationToken))
            .Then(l => l.Replayed ? $"列入决定 {l.Listing.DecisionNumber} 已作出（重复提交未产生变化）。" : $"已将{l.Listing.EnterpriseName}列入严重违法失信名单，至 {l.Listing.EndsOn:yyyy-MM-dd} 期满；其法定代表人{l.Listing.LegalRepresentative} {l.Listing.RepresentativeBarEndsOn:yyyy-MM-dd} 前不得担任其他企业法定代表人。"), cancellationToken);

    public Task OnPostObjectionAsync(CancellationToken cancellationToken) =>
        ActAsync(async () => Step is not { } step || ListingId is not { } id
                ? new Refusal("invalid-input", "请求有误", "请从列表中选择要处理的异议。")
                : (await objection.HandleAsync(new(id, step, Text, new(null, User.DepartmentCode(), User.ToActor())), cancellationToken))
                    .Then(l => $"{l.EnterpriseName}的异议：{AbnormalListRules.Name(l.Objection)}{(l.InForce ? string.Empty : "，已移出经营异常名录")}。"), cancellationToken);

    public Task OnPostRemoveAsync(CancellationToken cancellationToken) =>
        ActAsync(async () => ListingId is not { } id
                ? new Refusal("invalid-input", "请求有误", "请从列表中选择要移出的企业。")
                : (await remove.HandleAsync(new(id, Text, User.DepartmentCode(), User.ToActor()), cancellationToken)).Then(l => $"已将{l.EnterpriseName}移出经营异常名录，已记入信用记录。"), cancellationToken);

    private async Task ActAsync(Func<Task<Result<string>>> act, CancellationToken cancellationToken)
    {
        var result = CanDecide ? await act() : new Refusal("forbidden", "无权办理", "督查室只能查看名录。", RefusalKind.Forbidden);
        if (result.IsSuccess)
        {
            Done = result.Value;
            (Uscc, DecisionNumber, Facts, Cause, SeriousCause, ListingId, Step, Text) = (null, null, null, null, null, null, null, null);
            ModelState.Clear();
        }
        else
        {
            Error = result.Refusal.Detail;
        }

        ListedOn ??= ChinaTime.Today(time);
        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Lists = await find.HandleAsync(User.IsInRole(Roles.Oversight) ? null : User.DepartmentCode(), cancellationToken);
}
