using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Licensing.Appointments;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Appointments;

/// <summary>大厅与号源: a department admin opens its halls, publishes slots from a daily template, and watches them fill.</summary>
[Authorize(Roles = Roles.DepartmentAdmin)]
public sealed class HallsModel(ManageHalls halls, PublishSlots publish, WithdrawSlot withdraw, FindSlots find, TimeProvider time) : PageModel
{
    /// <summary>The fill of the coming two weeks is shown.</summary>
    public const int DaysShown = 14;

    public const string DefaultTemplate = "09:30-10:30 3\n10:30-11:30 3\n15:30-16:30 3\n16:30-18:00 3";

    public const string DefaultExtended = "12:00-14:00 2\n18:00-19:30 2";

    [BindProperty(SupportsGet = true)]
    public Guid? HallId { get; set; }

    [BindProperty]
    public ManageHalls.NewHall NewHall { get; set; } = new(null, null, null, "工作日 09:30–13:00、15:30–18:00");

    [BindProperty]
    public DateOnly? PublishFrom { get; set; }

    [BindProperty]
    public DateOnly? PublishTo { get; set; }

    [BindProperty]
    public string Template { get; set; } = DefaultTemplate;

    [BindProperty]
    public string? Extended { get; set; } = DefaultExtended;

    public IReadOnlyList<ManageHalls.Line> Halls { get; private set; } = [];

    public FindSlots.Found? Fill { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var created = await halls.CreateAsync(User.DepartmentCode(), NewHall with { RegionCode = NewHall.RegionCode ?? User.FindFirst(ZhengzhaoClaims.Region)?.Value }, User.ToActor(), cancellationToken);
        return await AnswerAsync(created, h => { HallId = h.Hall.Id; return $"已设立服务大厅“{h.Hall.Name}”。"; }, cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        var ordinary = SlotPlan.Parse(Template);
        var extended = SlotPlan.Parse(Extended, extended: true);
        if (HallId is not { } hallId || PublishFrom is not { } from || PublishTo is not { } to || !ordinary.IsSuccess || !extended.IsSuccess)
        {
            Error = ordinary.Refusal?.Detail ?? extended.Refusal?.Detail ?? "请选择大厅并填写开始和结束日期。";
            await LoadAsync(cancellationToken);
            return Page();
        }

        var published = await publish.HandleAsync(new(hallId, User.DepartmentCode(), from, to, [.. ordinary.Value, .. extended.Value], User.ToActor()), cancellationToken);
        return await AnswerAsync(published, p => $"已发布：{p.WorkingDays} 个工作日，新增号源 {p.Added} 个{(p.Existing > 0 ? $"，已有 {p.Existing} 个保持不变" : string.Empty)}。", cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid slotId, CancellationToken cancellationToken) =>
        await AnswerAsync(await withdraw.HandleAsync(slotId, User.DepartmentCode(), User.ToActor(), cancellationToken), s => $"已撤回 {s.Date:yyyy-MM-dd} {s.Start:HH\\:mm} 的号源。", cancellationToken);

    private async Task<IActionResult> AnswerAsync<T>(Result<T> result, Func<T, string> message, CancellationToken cancellationToken)
    {
        if (result.IsSuccess)
        {
            Message = message(result.Value);
        }
        else
        {
            Error = result.Refusal.Detail;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Halls = await halls.ListAsync(User.DepartmentCode(), cancellationToken);
        HallId ??= Halls is [var first, ..] ? first.Hall.Id : null;
        var today = ChinaTime.Today(time);
        PublishFrom ??= today.AddDays(1);
        PublishTo ??= today.AddDays(14);
        if (HallId is { } hallId && Halls.Any(h => h.Hall.Id == hallId))
        {
            Fill = (await find.HandleAsync(hallId, today, today.AddDays(DaysShown - 1), cancellationToken)).Value;
        }
    }
}
