using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Audit;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Audit;

public sealed class IndexModel(ListAuditEntries listEntries, VerifyAuditChain verify, WriteAuditCheckpoint writeCheckpoint) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListAuditEntries.Page? Entries { get; private set; }

    public VerifyAuditChain.Verdict? Verdict { get; private set; }

    /// <summary>Why no checkpoint could be written on demand.</summary>
    public string? CheckpointRefused { get; private set; }

    /// <summary>Set by the redirect after 校验审计链: the page checks the chain again each time it is shown.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Verified { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Verified)
        {
            Verdict = await verify.HandleAsync(cancellationToken);
        }

        Entries = await listEntries.HandleAsync(new(Actor, Entity, From, To, PageNumber), cancellationToken);
    }

    /// <summary>
    /// Verifying writes nothing, so the result is shown on a plain address that checks again when reloaded, instead of
    /// a posted page the browser offers to resend.
    /// </summary>
    public IActionResult OnPostVerify() =>
        RedirectToPage("/Audit/Index", new { verified = true, actor = Actor, entity = Entity, from = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), to = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p = PageNumber });

    /// <summary>A written checkpoint is shown on its own page, so reloading the result signs no second one.</summary>
    public async Task<IActionResult> OnPostCheckpointAsync(CancellationToken cancellationToken)
    {
        var written = await writeCheckpoint.HandleAsync(User.ToActor(), cancellationToken);
        if (written.IsSuccess)
        {
            return RedirectToPage("/Audit/Checkpoint", new { written = true });
        }

        CheckpointRefused = written.Refusal.Detail;
        Entries = await listEntries.HandleAsync(new(Actor, Entity, From, To, PageNumber), cancellationToken);
        return Page();
    }

    public string PageLink(int number) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["actor"] = Actor,
            ["entity"] = Entity,
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["p"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToUriComponent();
}
