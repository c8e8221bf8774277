using System.Security.Claims;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Licensing.Appointments;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Api;

/// <summary>预约 over HTTP: halls and their slots for everyone signed in; booking for applicants; publishing for department admins; the day's list for window clerks.</summary>
public static class AppointmentEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public sealed record HallView(Guid Id, string Name, string Department, string DepartmentName, string Region, string RegionName, string Address, string OpeningHours);

    public sealed record SlotView(Guid Id, Guid HallId, DateOnly Date, string Start, string End, int Capacity, int Booked, int Remaining, bool Extended);

    public sealed record BookingView(Guid Id, string Number, Guid HallId, Guid SlotId, DateOnly Date, string Start, string Uscc, string? ItemCode, string? ItemName, string State, DateTimeOffset BookedAt);

    public sealed record BookingLineView(BookingView Booking, string Hall, string Address, string End, bool Extended, string? Company);

    public sealed record NewHallRequest(string? Name, string? RegionCode, string? Address, string? OpeningHours);

    public sealed record SlotLineRequest(string? Start, string? End, int Capacity, bool Extended);

    public sealed record PublishRequest(string? From, string? To, IReadOnlyList<SlotLineRequest>? Slots);

    public sealed record BookRequest(Guid? SlotId, string? ItemCode);

    public static RouteGroupBuilder MapAppointmentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/appointments").WithTags("预约 Appointments");
        MapHalls(group);
        MapBookings(group);
        MapWindow(group);
        return api;
    }

    private static void MapHalls(RouteGroupBuilder group)
    {
        group.MapGet("/halls", async (string? department, ManageHalls halls, CancellationToken ct) =>
                (await halls.ListAsync(string.IsNullOrWhiteSpace(department) ? null : department.Trim(), ct)).Select(Hall))
            .WithName("ListHalls").WithSummary("服务大厅（可按部门筛选）");

        group.MapPost("/halls", async (NewHallRequest request, ManageHalls halls, ClaimsPrincipal user, CancellationToken ct) =>
                (await halls.CreateAsync(user.DepartmentCode(), new(request.Name, request.RegionCode, request.Address, request.OpeningHours), user.ToActor(), ct)).ToHttpResult(Hall))
            .RequireAuthorization(Roles.DepartmentAdmin).RequireAuthorization(IdentitySetup.BearerOnlyPolicy).DisableAntiforgery()
            .WithName("CreateHall").WithSummary("设立本部门的服务大厅（窗口）").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/halls/{id:guid}/slots", async (Guid id, string? from, string? to, FindSlots find, CancellationToken ct) =>
            {
                var start = ApiInput.Date(from, "from");
                var end = ApiInput.Date(to, "to");
                if (!start.IsSuccess || !end.IsSuccess)
                {
                    return Problems.From(start.Refusal ?? end.Refusal!);
                }

                return (await find.HandleAsync(id, start.Value, end.Value, ct)).ToHttpResult(f => f.Slots.Select(Slot));
            })
            .WithName("ListSlots").WithSummary("大厅在日期范围内（最多31天）的号源及余量").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/halls/{id:guid}/slots", async (Guid id, PublishRequest request, PublishSlots publish, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var from = ApiInput.Date(request.From, "from");
                var to = ApiInput.Date(request.To, "to");
                var lines = Lines(request.Slots ?? []);
                if (!from.IsSuccess || !to.IsSuccess || !lines.IsSuccess)
                {
                    return Problems.From(from.Refusal ?? to.Refusal ?? lines.Refusal!);
                }

                return (await publish.HandleAsync(new(id, user.DepartmentCode(), from.Value, to.Value, lines.Value, user.ToActor()), ct)).ToHttpResult();
            })
            .RequireAuthorization(Roles.DepartmentAdmin).RequireAuthorization(IdentitySetup.BearerOnlyPolicy).DisableAntiforgery()
            .WithName("PublishSlots").WithSummary("按日模板为本部门大厅发布号源：只在该地区工作日生成，重复发布不重复生成；extended 为延时服务")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/slots/{id:guid}/withdraw", async (Guid id, WithdrawSlot withdraw, ClaimsPrincipal user, CancellationToken ct) =>
                (await withdraw.HandleAsync(id, user.DepartmentCode(), user.ToActor(), ct)).ToHttpResult(Slot))
            .RequireAuthorization(Roles.DepartmentAdmin).RequireAuthorization(IdentitySetup.BearerOnlyPolicy).DisableAntiforgery()
            .WithName("WithdrawSlot").WithSummary("撤回无人预约的号源").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapBookings(RouteGroupBuilder group)
    {
        group.MapPost("/bookings", async (BookRequest request, HttpRequest http, BookSlot book, ClaimsPrincipal user, CancellationToken ct) =>
            {
                if (request.SlotId is not { } slotId)
                {
                    return Problems.From(new Refusal("invalid-input", "参数无效", "请填写 slotId（要预约的时段）。") { Errors = new Dictionary<string, string[]> { ["slotId"] = ["请填写 slotId（要预约的时段）。"] } });
                }

                var booked = await book.HandleAsync(new(slotId, user.EnterpriseUscc(), request.ItemCode, http.Headers[IdempotencyHeader].FirstOrDefault(), user.ToActor()), ct);
                return !booked.IsSuccess ? Problems.From(booked.Refusal)
                    : booked.Value.IsReplay ? Results.Ok(Booking(booked.Value.Booking))
                    : Results.Created($"/api/v1/appointments/bookings/{booked.Value.Booking.Id}", Booking(booked.Value.Booking));
            })
            .RequireAuthorization(Roles.Applicant).RequireAuthorization(IdentitySetup.BearerOnlyPolicy).DisableAntiforgery()
            .WithName("BookSlot").WithSummary("预约一个时段（可选 itemCode 所办事项）；带同一 Idempotency-Key 的重试返回同一预约（200）")
            .Produces<BookingView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/bookings", async (ListBookings list, ClaimsPrincipal user, CancellationToken ct) =>
                (await list.MineAsync(user.EnterpriseUscc(), ct)).Select(Line))
            .RequireAuthorization(Roles.Applicant)
            .WithName("MyBookings").WithSummary("本企业的预约（未到期的在前）");

        group.MapGet("/bookings/{id:guid}", async (Guid id, ListBookings list, ClaimsPrincipal user, CancellationToken ct) =>
                (await list.OneAsync(id, user.EnterpriseUscc(), ct)).ToHttpResult(Line))
            .RequireAuthorization(Roles.Applicant)
            .WithName("GetBooking").WithSummary("本企业的一条预约").ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/bookings/{id:guid}/cancel", async (Guid id, CancelBooking cancel, ClaimsPrincipal user, CancellationToken ct) =>
                (await cancel.HandleAsync(id, user.EnterpriseUscc(), user.ToActor(), ct)).ToHttpResult(Booking))
            .RequireAuthorization(Roles.Applicant).RequireAuthorization(IdentitySetup.BearerOnlyPolicy).DisableAntiforgery()
            .WithName("CancelBooking").WithSummary("取消本企业的预约（时段开始前）").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapWindow(RouteGroupBuilder group)
    {
        group.MapGet("/today", async (ListBookings list, ClaimsPrincipal user, CancellationToken ct) =>
                (await list.TodayAsync(user.Window(), ct)).Select(Line))
            .RequireAuthorization(Roles.WindowClerk)
            .WithName("TodaysBookings").WithSummary("本部门各大厅今天的预约");

        foreach (var (path, arrived, name, summary) in new[] { ("arrival", true, "MarkArrival", "登记到场"), ("no-show", false, "MarkNoShow", "登记未到场") })
        {
            group.MapPost($"/bookings/{{id:guid}}/{path}", async (Guid id, MarkArrival mark, ClaimsPrincipal user, CancellationToken ct) =>
                    (await mark.HandleAsync(id, arrived, user.Window(), user.ToActor(), ct)).ToHttpResult(Booking))
                .RequireAuthorization(Roles.WindowClerk).RequireAuthorization(IdentitySetup.BearerOnlyPolicy).DisableAntiforgery()
                .WithName(name).WithSummary(summary + "（仅预约当天）").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        }
    }

    private static Result<IReadOnlyList<SlotLine>> Lines(IReadOnlyList<SlotLineRequest> requests)
    {
        var lines = new List<SlotLine>();
        foreach (var (request, index) in requests.Select((r, i) => (r, i)))
        {
            var start = ApiInput.Time(request.Start, $"slots[{index}].start");
            var end = ApiInput.Time(request.End, $"slots[{index}].end");
            if (!start.IsSuccess || !end.IsSuccess)
            {
                return start.Refusal ?? end.Refusal!;
            }

            lines.Add(new SlotLine(start.Value, end.Value, request.Capacity, request.Extended));
        }

        return lines;
    }

    private static HallView Hall(ManageHalls.Line l) =>
        new(l.Hall.Id, l.Hall.Name, l.Hall.DepartmentCode, l.DepartmentName, l.Hall.RegionCode, l.RegionName, l.Hall.Address, l.Hall.OpeningHours);

    private static SlotView Slot(Slot s) => new(s.Id, s.HallId, s.Date, Time(s.Start), Time(s.End), s.Capacity, s.Booked, s.Remaining, s.IsExtended);

    private static BookingView Booking(Booking b) =>
        new(b.Id, b.Number, b.HallId, b.SlotId, b.Date, Time(b.Start), b.Uscc, b.ItemCode, b.ItemName, b.State.ToString(), ChinaTime.ToChina(b.BookedAt));

    private static BookingLineView Line(ListBookings.Line l) => new(Booking(l.Booking), l.HallName, l.HallAddress, Time(l.Slot.End), l.Slot.IsExtended, l.CompanyName);

    private static string Time(TimeOnly time) => time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
