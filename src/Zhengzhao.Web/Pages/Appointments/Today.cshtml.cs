using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Identity;
using Zhengzhao.Licensing.Appointments;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Appointments;

/// <summary>今日预约: the window clerk's list of the day at the department's halls, marking who came.</summary>
[Authorize(Roles = Roles.WindowClerk)]
public sealed class TodayModel(ListBookings bookings, MarkArrival mark) : PageModel
{
    public IReadOnlyList<ListBookings.Line> Lines { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Lines = await bookings.TodayAsync(User.Window(), cancellationToken);

    public Task<IActionResult> OnPostArrivalAsync(Guid id, CancellationToken cancellationToken) => MarkAsync(id, arrived: true, cancellationToken);

    public Task<IActionResult> OnPostNoShowAsync(Guid id, CancellationToken cancellationToken) => MarkAsync(id, arrived: false, cancellationToken);

    private async Task<IActionResult> MarkAsync(Guid id, bool arrived, CancellationToken cancellationToken)
    {
        var marked = await mark.HandleAsync(id, arrived, User.Window(), User.ToActor(), cancellationToken);
        if (marked.IsSuccess)
        {
            return RedirectToPage();
        }

        Error = marked.Refusal.Detail;
        Lines = await bookings.TodayAsync(User.Window(), cancellationToken);
        return Page();
    }
}
