using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Identity;

namespace Zhengzhao.Web.Pages.Admin.Accounts;

public sealed class IndexModel(ListAccounts listAccounts) : PageModel
{
    public IReadOnlyList<ListAccounts.Account> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Accounts = await listAccounts.HandleAsync(new(), cancellationToken);
}
