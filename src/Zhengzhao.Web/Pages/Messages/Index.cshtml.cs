using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Notifications;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Messages;

/// <summary>站内消息: the reader's mailbox (an applicant's with its company's), newest first; open one to mark it read.</summary>
public sealed class IndexModel(ListMessages list, ReadMessage read, MarkAllMessagesRead markAll) : PageModel
{
    public ListMessages.Page Mailbox { get; private set; } = new([], 0);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Mailbox = await list.HandleAsync(User.Mailboxes(), cancellationToken);

    /// <summary>Opens a message: marks it read and goes where it points.</summary>
    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var opened = await read.HandleAsync(User.Mailboxes(), id, cancellationToken);
        return opened.Value is not { } message ? NotFound()
            : message.Link is { } local && Url.IsLocalUrl(local) ? LocalRedirect(local)
            : RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await markAll.HandleAsync(User.Mailboxes(), cancellationToken);
        return RedirectToPage();
    }
}
