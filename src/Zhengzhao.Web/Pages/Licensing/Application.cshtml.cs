using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Licensing;

/// <summary>
/// One application: its status, steps, clock and notices for everyone who may see it, and the actions of the
/// reader's role — the applicant completes a supplement; the window accepts, asks once, or does not accept; the
/// department reviews (with strict access's assessments), pauses, decides, signs off, asks for an extension and
/// hands over; the head grants or refuses the extension and may hand a matter to another officer.
/// </summary>
[Authorize(Roles = Roles.Applicant + "," + Roles.WindowClerk + "," + Roles.Approver + "," + Roles.DepartmentAdmin)]
public sealed class ApplicationModel(FindApplications find, UploadMaterial upload, CompleteSupplement complete, OpenMaterial open, ListHandOverReceivers receivers) : PageModel
{
    public FindApplications.View? View { get; private set; }

    /// <summary>The officers the matter may be handed over to, for an officer's hand-over form.</summary>
    public IReadOnlyList<ListHandOverReceivers.Receiver> Receivers { get; private set; } = [];

    public string? Error { get; private set; }

    public bool IsApplicant => User.IsInRole(Roles.Applicant);

    public bool AtWindow => User.IsInRole(Roles.WindowClerk);

    public bool Reviews => User.IsInRole(Roles.Approver) || User.IsInRole(Roles.DepartmentAdmin);

    public bool IsHead => User.IsDepartmentHead();

    /// <summary>Whether the reader sees the hand-over form: the matter's owner, or the head while it has an owner.</summary>
    public bool MayHandOver => View is { Application: { IsClosed: false } a } && !IsApplicant && (a.Owner == User.Identity?.Name || (IsHead && a.Owner.Length > 0));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcceptAsync(Guid id, [FromServices] AcceptApplication accept, CancellationToken cancellationToken) =>
        DoneAsync(id, accept.HandleAsync(id, User.Officer(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostNotAcceptAsync(Guid id, string? reason, [FromServices] NotAcceptApplication notAccept, CancellationToken cancellationToken) =>
        DoneAsync(id, notAccept.HandleAsync(id, reason, User.Officer(), cancellationToken), cancellationToken);

    /// <summary>The one-time notification: every ticked material with what is wrong with it.</summary>
    public Task<IActionResult> OnPostSupplementAsync(Guid id, List<string> missing, Dictionary<string, string> problems, [FromServices] RequestSupplement supplement, CancellationToken cancellationToken) =>
        DoneAsync(id, supplement.HandleAsync(id, [.. missing.Select(m => new MissingMaterial(m, problems.GetValueOrDefault(m) ?? string.Empty))], User.Officer(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostStepAsync(Guid id, string? opinion, [FromServices] EndStep endStep, CancellationToken cancellationToken) =>
        DoneAsync(id, endStep.HandleAsync(id, opinion, User.Officer(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostPauseAsync(Guid id, PauseKind kind, string? reason, [FromServices] PauseClock pause, CancellationToken cancellationToken) =>
        DoneAsync(id, pause.HandleAsync(id, kind, reason, User.Officer(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostResumeAsync(Guid id, [FromServices] ResumeClock resume, CancellationToken cancellationToken) =>
        DoneAsync(id, resume.HandleAsync(id, User.Officer(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDecideAsync(Guid id, bool approve, string? reasons, [FromServices] DecideApplication decide, CancellationToken cancellationToken) =>
        DoneAsync(id, decide.HandleAsync(id, approve, reasons, User.Officer(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSignOffAsync(Guid id, bool agree, [FromServices] SignOff signOff, CancellationToken cancellationToken) =>
        DoneAsync(id, signOff.HandleAsync(id, agree, User.Officer(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostExtendAsync(Guid id, int days, string? reason, [FromServices] ExtendDeadline extend, CancellationToken cancellationToken) =>
        DoneAsync(id, extend.HandleAsync(id, days, reason, User.Officer(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRequestExtensionAsync(Guid id, int days, string? reason, [FromServices] RequestExtension requestExtension, CancellationToken cancellationToken) =>
        DoneAsync(id, requestExtension.HandleAsync(id, days, reason, User.Officer(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRefuseExtensionAsync(Guid id, [FromServices] RefuseExtension refuse, CancellationToken cancellationToken) =>
        DoneAsync(id, refuse.HandleAsync(id, User.Officer(), cancellationToken), cancellationToken);

    /// <summary>加强准入管理: an assessment with its record, findings and the files taken (photos, papers).</summary>
    /// <param name="kind">Nullable so that a forged or garbled value is refused, not bound to the default 风险评估.</param>
    public async Task<IActionResult> OnPostAssessAsync(Guid id, AssessmentKind? kind, string? record, string? findings, [FromServices] RecordAssessment assess, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (kind is null)
        {
            Error = "请选择评估核查的类型。";
            return Page();
        }

        var attachments = await upload.UploadAllAsync(Request.Form.Files.GetFiles("attachments"), View!.Application.Uscc, User.ApplicationReader(), User.ToActor(), cancellationToken);
        if (!attachments.IsSuccess)
        {
            Error = attachments.Refusal.Detail;
            return Page();
        }

        return await DoneAsync(id, assess.HandleAsync(id, kind.Value, record, findings, attachments.Value, User.Officer(), cancellationToken), cancellationToken);
    }

    /// <summary>A material or attachment of this application, for whoever may read the application.</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid upload, CancellationToken cancellationToken)
    {
        var opened = await open.OpenAsync(id, upload, User.ApplicationReader(), cancellationToken);
        return opened.Value is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();
    }

    public Task<IActionResult> OnPostHandOverAsync(Guid id, string? to, [FromServices] HandOverApplication handOver, CancellationToken cancellationToken) =>
        DoneAsync(id, handOver.HandleAsync(id, to, User.Officer(), cancellationToken), cancellationToken);

    /// <summary>The applicant hands in the materials the notification listed, one file input per listed material.</summary>
    public async Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || View!.Application.Supplement is not { } notice || User.EnterpriseUscc() is not { } uscc)
        {
            return NotFound();
        }

        var materials = new List<MaterialInput>();
        for (var i = 0; i < notice.Items.Count; i++)
        {
            if (Request.Form.Files.GetFile($"supplement-{i}") is not { Length: > 0 } form)
            {
                continue;
            }

            await using var content = form.OpenReadStream();
            var uploaded = await upload.HandleAsync(new(uscc, form.FileName, form.ContentType, form.Length, content, User.ApplicationReader(), User.ToActor()), cancellationToken);
            if (!uploaded.IsSuccess)
            {
                Error = $"“{notice.Items[i].Material}”：{uploaded.Refusal.Detail}";
                return Page();
            }

            materials.Add(new(notice.Items[i].Material, uploaded.Value.Id));
        }

        return await DoneAsync(id, complete.HandleAsync(id, User.ApplicationReader(), materials, User.ToActor(), cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(Guid id, Task<Result<Application>> acting, CancellationToken cancellationToken)
    {
        var result = await acting;
        if (result.IsSuccess)
        {
            return RedirectToPage(new { id });
        }

        Error = result.Refusal.Detail;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        View = (await find.GetAsync(id, User.ApplicationReader(), cancellationToken)).Value;
        if (MayHandOver)
        {
            Receivers = await receivers.HandleAsync(View!.Application, cancellationToken);
        }

        return View is not null;
    }
}
