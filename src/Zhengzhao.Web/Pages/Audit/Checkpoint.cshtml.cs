using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Audit;

namespace Zhengzhao.Web.Pages.Audit;

/// <summary>The newest checkpoint as a page to print and hand to the oversight office, beside the file the operator ships.</summary>
public sealed class CheckpointModel(AuditCheckpointStore store, AuditCheckpointKeys keys) : PageModel
{
    public AuditCheckpoint? Checkpoint { get; private set; }

    /// <summary>Whether the reader arrives from signing a checkpoint just now (立即签发检查点).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Written { get; set; }

    public string? Unreadable { get; private set; }

    /// <summary>Whether the signature holds against this installation's configured public key.</summary>
    public bool SignatureHolds { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (Checkpoint, Unreadable) = await store.LatestAsync(cancellationToken);
        SignatureHolds = Checkpoint is not null && AuditCheckpoints.SignatureHolds(Checkpoint, keys.Verifier);
    }
}
