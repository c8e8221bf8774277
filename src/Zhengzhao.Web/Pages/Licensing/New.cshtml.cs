using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Catalog;
using Zhengzhao.Common;
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

    /// <summary>Why a field was refused, by the name of its input, shown at the field.</summary>
    public Dictionary<string, string> FieldErrors { get; } = [];

    /// <summary>Files already uploaded by this form, by the name of their input, kept across a refused submission.</summary>
    public Dictionary<string, KeptUpload> Kept { get; } = [];

    public const string AttorneyField = "agent-attorney";

    public sealed record KeptUpload(Guid Id, string FileName);

    // The core names the agent's fields as its API does; the form's inputs are named after the page's properties.
    private static readonly Dictionary<string, string> FormFields = new(StringComparer.Ordinal)
    {
        ["agent"] = nameof(AgentName),
        ["agent.name"] = nameof(AgentName),
        ["agent.documentKind"] = nameof(AgentDocumentKind),
        ["agent.documentNumber"] = nameof(AgentDocumentNumber),
        ["agent.powerOfAttorney"] = AttorneyField,
        ["signatory"] = nameof(Signatory),
    };

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

        var company = _company!;
        var names = Guide!.Content.Materials.Select(m => m.Name).ToList();
        var materials = new List<MaterialInput>();
        for (var index = 0; index < names.Count; index++)
        {
            // One input per material (file-0, file-1, …): an empty one is a material not handed in.
            if (await KeepAsync($"file-{index}", company, cancellationToken) is { } kept)
            {
                materials.Add(new(names[index], kept));
            }
        }

        var attorney = AtWindow ? await KeepAsync(AttorneyField, company, cancellationToken) : null;
        if (FieldErrors.Count > 0)
        {
            return Page();
        }

        if (OpenApplications.Count > 0 && !AnotherMeant)
        {
            FieldErrors[nameof(AnotherMeant)] = "请勾选确认后再提交；已上传的材料会保留。";
            return Page();
        }

        var agent = AtWindow ? new AgentInput(AgentName, AgentDocumentKind, AgentDocumentNumber, attorney) : null;
        var filed = await file.HandleAsync(
            new()
            {
                Uscc = company,
                ItemCode = Item,
                Route = Route,
                Materials = materials,
                Signatory = Signatory,
                SignerIpAddress = HttpContext.Connection.RemoteIpAddress?.ToString(),
                Submit = true,
                IdempotencyKey = FormKey,
                By = User.ApplicationReader(),
                Actor = User.ToActor(),
                Agent = agent,
            },
            cancellationToken);
        if (!filed.IsSuccess)
        {
            ShowAtFields(filed.Refusal);
            return Page();
        }

        return Redirect($"/Licensing/Application/{filed.Value.Application.Id}");
    }

    /// <summary>
    /// The upload for one file input: the file chosen now, uploaded at once, or the one uploaded by an earlier,
    /// refused submission of this form (its id in a hidden field), so a typo elsewhere never costs the files.
    /// </summary>
    private async Task<Guid?> KeepAsync(string field, string company, CancellationToken cancellationToken)
    {
        if (Request.Form.Files.GetFile(field) is { Length: > 0 } form)
        {
            await using var content = form.OpenReadStream();
            var uploaded = await upload.HandleAsync(new(company, form.FileName, form.ContentType, form.Length, content, User.ApplicationReader(), User.ToActor()), cancellationToken);
            if (uploaded.Value is not { } stored)
            {
                FieldErrors[field] = uploaded.Refusal!.Detail;
                return null;
            }

            Kept[field] = new(stored.Id, stored.FileName);
            return stored.Id;
        }

        if (!Guid.TryParse(Request.Form[$"{field}-upload"], out var earlier))
        {
            return null;
        }

        Kept[field] = new(earlier, Request.Form[$"{field}-name"].ToString());
        return earlier;
    }

    /// <summary>Each of the core's field errors beside its field; what belongs to no field of this form at the top.</summary>
    private void ShowAtFields(Refusal refusal)
    {
        var elsewhere = new List<string>();
        foreach (var (key, messages) in refusal.Errors ?? new Dictionary<string, string[]>())
        {
            if (FormFields.GetValueOrDefault(key) is { } field)
            {
                FieldErrors[field] = string.Join("", messages);
            }
            else
            {
                elsewhere.AddRange(messages);
            }
        }

        Error = elsewhere.Count > 0 ? string.Join("", elsewhere) : FieldErrors.Count == 0 ? refusal.Detail : null;
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
            // A clerk is told at the code field, the only thing the clerk has entered yet; an applicant at the top.
            if (AtWindow)
            {
                UsccError = started.Refusal!.Errors?.GetValueOrDefault("uscc")?[0] ?? started.Refusal.Detail;
            }
            else
            {
                Error = started.Refusal!.Detail;
            }

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
