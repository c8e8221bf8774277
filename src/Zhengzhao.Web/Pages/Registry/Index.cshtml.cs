using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Registry;

namespace Zhengzhao.Web.Pages.Registry;

public sealed class IndexModel(FindEnterprises find) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public FindEnterprises.Page? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Results = await find.SearchAsync(Q, PageNumber, cancellationToken);
}
