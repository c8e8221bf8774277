using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Common;
using Zhengzhao.Coordination;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Registry;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Registry;

public sealed class EnterpriseModel(FindEnterprises find, ListNotificationLetters letters, TrackLoops track, ReceiveDeregistration deregister, TimeProvider time) : PageModel
{
    public FindEnterprises.File? Record { get; private set; }

    public IReadOnlyList<NotificationLetter> Letters { get; private set; } = [];

    public IReadOnlyList<TrackLoops.Line> Loops { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    /// <summary>The deregistration's event id, made when the form is shown: a double submit records it once.</summary>
    [BindProperty]
    public string EventId { get; set; } = string.Empty;

    [BindProperty]
    public DateOnly? DeregisteredOn { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        EventId = $"DEREG-{Guid.NewGuid():N}";
        DeregisteredOn = ChinaTime.Today(time);
        return await LoadAsync(code, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeregisterAsync(string code, CancellationToken cancellationToken)
    {
        var result = await deregister.HandleAsync(new(EventId, code, DeregisteredOn, Reason, User.ToActor()), cancellationToken);
        if (result.IsSuccess)
        {
            var received = result.Value;
            Done = received.Deregistration.Replayed
                ? "该注销登记已记录（重复提交未产生变化）。"
                : $"已注销登记。注销证照 {received.CancelledPermits.Count} 件{(received.CancelledPermits.Count > 0 ? "（" + string.Join("、", received.CancelledPermits) + "）" : string.Empty)}，终止在办申请 {received.ClosedApplications.Count} 件。";
        }
        else
        {
            Error = result.Refusal.Detail;
        }

        return await LoadAsync(code, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        // Only the registrar sees the legal representative's identity number in full.
        Record = await find.GetAsync(code, reveal: User.IsInRole(Roles.Regulator), cancellationToken);
        if (Record is null)
        {
            return false;
        }

        Letters = await letters.HandleAsync(Record.Enterprise.Uscc, new(null), cancellationToken);
        Loops = await track.ListAsync(new(null, IncludeClosed: true, Record.Enterprise.Uscc), cancellationToken);
        return true;
    }
}
