using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Catalog;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Licensing;

/// <summary>
/// Filing online (the applicant for its company) or at the window (the clerk for a company it names): pick the item,
/// upload each material, choose the route, submit. The form is shown only once the core has settled that the caller
/// may file for the company (<see cref="BeginFiling"/>): a clerk learns at 下一步 that a code is mistyped or the company
/// is not the window's, before filling anything in. The form carries a key made when it was shown, so a double click
/// or a resent form files one application; a company's other open application of the same item is shown, and another
/// is filed only once the person confirms it is meant.
/// </summary>
[Authorize(Roles = Roles.Applicant + "," + Roles.WindowClerk)]
public sealed class NewModel(ListItems listItems, GetServiceGuide getGuide, BeginFiling begin, UploadMaterial upload, FileApplication file) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Item { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Uscc { get; set; }

    [BindProperty]
    public ApplicationRoute Route { get; set; }

    [BindProperty]
    public string? Signatory { get; set; }

    [BindProperty]
    public string FormKey { get; set; } = string.Empty;

    /// <summary>At the window, the agent who came for the company (代办人).</summary>
    [BindProperty]
    public string? AgentName { get; set; }

    [BindProperty]
    public string? AgentDocumentKind { get; set; }

    [BindProperty]
    public string? AgentDocumentNumber { get; set; }

    /// <summary>The person confirms that another application of an item the company already has open is meant.</summary>
    [BindProperty]
    public bool AnotherMeant { get; set; }

    /// <summary>The company's applications of the item still open: a second filing is confirmed first.</summary>
    public IReadOnlyList<BeginFiling.OpenApplication> OpenApplications { get; private set; } = [];

    /// <summary>Why the code the clerk entered cannot be filed for, shown at the field.</summary>
    public string? UsccError { get; private set; }

    public IReadOnlyList<ListItems.Entry> Items { get; private set; } = [];

    public GetServiceGuide.Guide? Guide { get; private set; }

    public string? Error { get; private set; }

    public bool AtWindow => User.IsInRole(Roles.WindowClerk);

    /// <summary>The company filed for, as the core settled it.</summary>
    private string? _company;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FormKey = Guid.NewGuid().ToString("N");
        await LoadAsync(cancellationToken);
        await BeginAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!await BeginAsync(cancellationToken))
        {
            return Page();
        }

        if (OpenApplications.Count > 0 && !AnotherMeant)
        {
            Error = "该事项已有办理中的申请，如仍需另行申请，请勾选确认后重新选择材料提交。";
            return Page();
        }

        var company = _company!;
        var materials = new List<FileApplication.Material>();
        var names = Guide!.Content.Materials.Select(m => m.Name).ToList();
        for (var index = 0; index < names.Count; index++)
        {
            // One input per material (file-0, file-1, …): an empty one is a material not handed in.
            if (Request.Form.Files.GetFile($"file-{index}") is not { Length: > 0 } form)
            {
                continue;
            }

            await using var content = form.OpenReadStream();
            var uploaded = await upload.HandleAsync(new(company, form.FileName, form.ContentType, form.Length, content, User.ApplicationReader(), User.ToActor()), cancellationToken);
            if (!uploaded.IsSuccess)
            {
                Error = $"“{names[index]}”：{uploaded.Refusal!.Detail}";
                return Page();
            }

            materials.Add(new(names[index], uploaded.Value!.Id));
        }

        AgentInput? agent = null;
        if (AtWindow)
        {
            var attorney = Request.Form.Files.GetFile("agent-attorney") is { Length: > 0 } letter
                ? await upload.UploadAllAsync([letter], company, User.ApplicationReader(), User.ToActor(), cancellationToken)
                : new List<Guid>();
            if (!attorney.IsSuccess)
            {
                Error = $"授权委托书：{attorney.Refusal!.Detail}";
                return Page();
            }

            agent = new AgentInput(AgentName, AgentDocumentKind, AgentDocumentNumber, attorney.Value is [var id] ? id : null);
        }

        var filed = await file.HandleAsync(new(company, Item, Route, materials, Signatory, HttpContext.Connection.RemoteIpAddress?.ToString(), Submit: true, FormKey, User.ApplicationReader(), User.ToActor(), Agent: agent), cancellationToken);
        if (!filed.IsSuccess)
        {
            Error = filed.Refusal!.Detail;
            return Page();
        }

        return Redirect($"/Licensing/Application/{filed.Value!.Application.Id}");
    }

    /// <summary>
    /// Settles, for the chosen item, that the caller may file for the company and what it has open; the form is not
    /// shown otherwise. A clerk who has not named a company yet is shown no form and no error.
    /// </summary>
    private async Task<bool> BeginAsync(CancellationToken cancellationToken)
    {
        if (Guide is null || (AtWindow && string.IsNullOrWhiteSpace(Uscc)))
        {
            Guide = null;
            return false;
        }

        var started = await begin.HandleAsync(new(AtWindow ? Uscc : null, Guide.Code, User.ApplicationReader(), FormKey), cancellationToken);
        if (!started.IsSuccess)
        {
            Guide = null;
            Error = started.Refusal!.Detail;
            UsccError = started.Refusal.Errors?.GetValueOrDefault("uscc")?[0] ?? Error;
            return false;
        }

        (_company, OpenApplications) = (started.Value!.Uscc, started.Value.Open);
        return true;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Items = (await listItems.HandleAsync(new(), cancellationToken)).Items;
        if (!string.IsNullOrWhiteSpace(Item))
        {
            var guide = await getGuide.HandleAsync(new(Item.Trim().ToUpperInvariant(), null), cancellationToken);
            Guide = guide.Value;
            Error = guide.Refusal?.Detail;
        }
    }
}
