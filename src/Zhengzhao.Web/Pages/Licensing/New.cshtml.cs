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
/// upload each material, choose the route, submit. The form carries a key made when it was shown, so a double click
/// or a resent form files one application.
/// </summary>
[Authorize(Roles = Roles.Applicant + "," + Roles.WindowClerk)]
public sealed class NewModel(ListItems listItems, GetServiceGuide getGuide, UploadMaterial upload, FileApplication file) : PageModel
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

    public IReadOnlyList<ListItems.Entry> Items { get; private set; } = [];

    public GetServiceGuide.Guide? Guide { get; private set; }

    public string? Error { get; private set; }

    public bool AtWindow => User.IsInRole(Roles.WindowClerk);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FormKey = Guid.NewGuid().ToString("N");
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Guide is null)
        {
            return Page();
        }

        var company = User.EnterpriseUscc() ?? Uscc?.Trim().ToUpperInvariant() ?? string.Empty;
        var materials = new List<FileApplication.Material>();
        var names = Guide.Content.Materials.Select(m => m.Name).ToList();
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
