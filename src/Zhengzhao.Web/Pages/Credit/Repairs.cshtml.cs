using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Common;
using Zhengzhao.Credit;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Credit;

/// <summary>
/// 信用修复. A company sees what on its record still restricts it, objects to a new abnormal listing, and applies for
/// repair with evidence; the department behind each entry reads the applications and decides with reasons.
/// </summary>
[Authorize(Roles = Roles.Applicant + "," + Roles.Regulator + "," + Roles.DepartmentAdmin + "," + Roles.Approver)]
public sealed class RepairsModel(FindRepairs find, ApplyForRepair apply, DecideRepair decide, HandleObjection objection, UploadMaterial upload, TimeProvider time) : PageModel
{
    public const int MaxFiles = ApplyForRepair.MaxEvidence;

    public bool IsCompany => User.IsInRole(Roles.Applicant);

    public DateOnly Today => ChinaTime.Today(time);

    public IReadOnlyList<FindRepairs.Repairable> Repairable { get; private set; } = [];

    public IReadOnlyList<CreditRepair> Repairs { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task OnPostObjectionAsync(Guid listingId, string? text, CancellationToken cancellationToken) =>
        ActAsync(async () => (await objection.HandleAsync(new(listingId, HandleObjection.ObjectionStep.Lodge, text, new(Company, null, User.ToActor())), cancellationToken))
            .Then(l => $"异议已提交，{l.Authority}应于 {l.ObjectionDueOn:yyyy-MM-dd} 前决定是否受理。"), cancellationToken);

    public Task OnPostApplyAsync(RepairTarget? target, Guid targetId, string? statement, CancellationToken cancellationToken) =>
        ActAsync(async () =>
        {
            if (!IsCompany)
            {
                return new Refusal("forbidden", "无权办理", "信用修复由企业申请。", RefusalKind.Forbidden);
            }

            var evidence = new List<Guid>();
            foreach (var form in Request.Form.Files.Where(f => f.Name == "evidence" && f.Length > 0).Take(MaxFiles + 1))
            {
                await using var content = form.OpenReadStream();
                var uploaded = await upload.HandleAsync(new(Company, form.FileName, form.ContentType, form.Length, content, User.ApplicationReader(), User.ToActor()), cancellationToken);
                if (!uploaded.IsSuccess)
                {
                    return new Refusal(uploaded.Refusal.Type, uploaded.Refusal.Title, $"“{FileNames.Clean(form.FileName)}”：{uploaded.Refusal.Detail}");
                }

                evidence.Add(uploaded.Value.Id);
            }

            return (await apply.HandleAsync(new(Company, target, targetId, statement, evidence, User.ToActor()), cancellationToken))
                .Then(r => $"信用修复申请已提交，由作出决定的机关审核：{r.TargetTitle}。");
        }, cancellationToken);

    public Task OnPostDecideAsync(Guid repairId, bool? approve, string? reasons, CancellationToken cancellationToken) =>
        ActAsync(async () => IsCompany ? new Refusal("forbidden", "无权办理", "信用修复申请由作出决定的机关审核。", RefusalKind.Forbidden)
            : approve is not { } decision ? new Refusal("invalid-input", "请求有误", "请选择准予修复或不予修复。")
            : (await decide.HandleAsync(new(repairId, decision, reasons, User.DepartmentCode(), User.ToActor()), cancellationToken))
                .Then(r => $"{r.EnterpriseName}的信用修复申请：{RepairRules.Name(r.State)}。"), cancellationToken);

    private string Company => User.EnterpriseUscc() ?? string.Empty;

    private async Task ActAsync(Func<Task<Result<string>>> act, CancellationToken cancellationToken)
    {
        var result = await act();
        (Done, Error) = (result.Value, result.Refusal?.Detail);
        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var reader = IsCompany ? new FindRepairs.Reader(null, Company) : new FindRepairs.Reader(User.DepartmentCode(), null);
        Repairs = await find.HandleAsync(reader, cancellationToken);
        Repairable = IsCompany ? await find.RepairableAsync(Company, Today, cancellationToken) : [];
    }
}
