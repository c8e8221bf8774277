using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Catalog;

namespace Zhengzhao.Web.Pages.ReformOffice.Items;

public sealed class IndexModel(ListItemsForOffice listItems, GetCompleteness getCompleteness) : PageModel
{
    public IReadOnlyList<LicensingItem> Items { get; private set; } = [];

    public IReadOnlyList<GetCompleteness.Line> Completeness { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Items = await listItems.HandleAsync(cancellationToken);
        Completeness = await getCompleteness.HandleAsync(cancellationToken);
    }
}
