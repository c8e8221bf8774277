using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Coordination;
using Zhengzhao.Identity;
using Zhengzhao.Registry;

namespace Zhengzhao.Web.Pages.Registry;

public sealed class EnterpriseModel(FindEnterprises find, Letters letters, TrackLoops track) : PageModel
{
    public FindEnterprises.File? Record { get; private set; }

    public IReadOnlyList<NotificationLetter> Letters { get; private set; } = [];

    public IReadOnlyList<TrackLoops.Line> Loops { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        // Only the registrar sees the legal representative's identity number in full.
        Record = await find.GetAsync(code, reveal: User.IsInRole(Roles.Regulator), cancellationToken);
        if (Record is null)
        {
            return NotFound();
        }

        Letters = await letters.ListAsync(Record.Enterprise.Uscc, new(null), cancellationToken);
        Loops = await track.ListAsync(new(null, IncludeClosed: true, Record.Enterprise.Uscc), cancellationToken);
        return Page();
    }
}
