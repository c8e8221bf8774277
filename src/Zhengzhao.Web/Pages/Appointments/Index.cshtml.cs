using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Licensing.Appointments;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Appointments;

/// <summary>预约办事: an applicant finds a slot at a hall, books it for its company, and sees and cancels its bookings.</summary>
[Authorize(Roles = Roles.Applicant)]
public sealed class IndexModel(ManageHalls halls, FindSlots find, BookSlot book, CancelBooking cancel, ListBookings bookings, TimeProvider time) : PageModel
{
    /// <summary>Slots are shown a week at a time.</summary>
    public const int DaysShown = 7;

    [BindProperty(SupportsGet = true)]
    public Guid? HallId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    public IReadOnlyList<ManageHalls.Line> Halls { get; private set; } = [];

    public FindSlots.Found? Found { get; private set; }

    public IReadOnlyList<ListBookings.Line> Mine { get; private set; } = [];

    /// <summary>A fresh key per rendered form: a double click or a re-sent form books once.</summary>
    public string FormKey { get; } = Guid.NewGuid().ToString("N");

    public DateTimeOffset Now => time.GetUtcNow();

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostBookAsync(Guid slotId, string? itemCode, string? key, CancellationToken cancellationToken)
    {
        var booked = await book.HandleAsync(new(slotId, User.EnterpriseUscc(), itemCode, key, User.ToActor()), cancellationToken);
        if (booked.IsSuccess)
        {
            var b = booked.Value.Booking;
            Message = $"预约成功：{b.Date:yyyy-MM-dd} {b.Start:HH\\:mm}，预约号 {b.Number}。请按时携带材料到大厅窗口办理。";
        }
        else
        {
            Error = booked.Refusal.Detail;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        var cancelled = await cancel.HandleAsync(id, User.EnterpriseUscc(), User.ToActor(), cancellationToken);
        if (cancelled.IsSuccess)
        {
            Message = $"已取消预约 {cancelled.Value.Number}。";
        }
        else
        {
            Error = cancelled.Refusal.Detail;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Halls = await halls.ListAsync(null, cancellationToken);
        Mine = await bookings.MineAsync(User.EnterpriseUscc(), cancellationToken);
        From ??= ChinaTime.Today(time);
        if (HallId is { } hallId)
        {
            var found = await find.HandleAsync(hallId, From.Value, From.Value.AddDays(DaysShown - 1), cancellationToken);
            Found = found.Value;
            Error ??= found.Refusal?.Detail;
        }
    }
}
