using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Licensing.Appointments;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Api.AppointmentEndpoints;

namespace Zhengzhao.Web.Tests.Licensing;

/// <summary>
/// 预约: the department admin of 商务厅 (XZ-SWT) opens a hall in the pilot zone and publishes slots; applicants of
/// different companies book, see and cancel; a window clerk of the same department lists the day and marks arrivals.
/// The clock stands at Thursday 2026-11-26 10:00 Beijing time; 11-28/29 is a weekend.
/// </summary>
public sealed class AppointmentTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private static readonly object[] Template =
    [
        new { start = "09:30", end = "10:30", capacity = 2, extended = false },
        new { start = "12:00", end = "14:00", capacity = 1, extended = true },
    ];

    private async Task<(HttpClient Admin, Guid Hall)> HallAsync(string name)
    {
        var admin = await factory.BearerClientAsync(Roles.DepartmentAdmin);
        var hall = await (await admin.PostAsJsonAsync("/api/v1/appointments/halls", new { name, regionCode = "540172", address = "拉萨经开区格桑路（测试）", openingHours = "工作日 09:30–18:00" })).ReadAsAsync<HallView>();
        Assert.Equal(("XZ-SWT", "商务厅"), (hall.Department, hall.DepartmentName));
        return (admin, hall.Id);
    }

    private static async Task<PublishSlots.Published> PublishAsync(HttpClient admin, Guid hall, string from, string to, object[] slots) =>
        await (await admin.PostAsJsonAsync($"/api/v1/appointments/halls/{hall}/slots", new { from, to, slots })).ReadAsAsync<PublishSlots.Published>();

    private static async Task<SlotView[]> SlotsAsync(HttpClient client, Guid hall, string from, string to) =>
        await (await client.GetAsync($"/api/v1/appointments/halls/{hall}/slots?from={from}&to={to}")).ReadAsAsync<SlotView[]>();

    private static async Task<Guid> OneSlotAsync(HttpClient admin, Guid hall, string date, string start, string end, int capacity)
    {
        await PublishAsync(admin, hall, date, date, [new { start, end, capacity, extended = false }]);
        return (await SlotsAsync(admin, hall, date, date)).Single(s => s.Start == start).Id;
    }

    private static Task<HttpResponseMessage> BookAsync(HttpClient applicant, Guid slot, string? key = null, string? itemCode = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/appointments/bookings") { Content = JsonContent.Create(new { slotId = slot, itemCode }) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return applicant.SendAsync(request);
    }

    /// <summary>A bearer client for a new account: an applicant of the company <paramref name="orgBase"/>, or staff of a department.</summary>
    private async Task<HttpClient> AccountAsync(string userName, string role, string? orgBase = null, string? department = null)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var command = new CreateAccount.Command(userName, "测试" + userName, role, department, department is null ? null : "540172", orgBase is null ? null : SampleRegistration.Code(orgBase), Actor.System)
            {
                InitialPassword = ZhengzhaoFactory.TestPassword,
            };
            var created = await scope.ServiceProvider.GetRequiredService<CreateAccount>().HandleAsync(command);
            Assert.True(created.IsSuccess, created.Refusal?.Detail);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = await users.FindByNameAsync(userName);
            user!.MustChangePassword = false;
            await users.UpdateAsync(user);
        }

        var client = factory.Anonymous();
        var token = await (await client.PostAsJsonAsync("/api/v1/identity/token", new { userName, password = ZhengzhaoFactory.TestPassword })).ReadAsAsync<AccessTokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    private Task<int> BookedAsync(Guid slot) => factory.WithDbAsync(db => db.Slots.Where(s => s.Id == slot).Select(s => s.Booked).SingleAsync());

    [Fact]
    public async Task A_hall_publishes_working_day_slots_once_an_applicant_books_sees_and_cancels_and_every_step_is_audited()
    {
        var (admin, hall) = await HallAsync("测试大厅 发布预约取消");
        var applicant = await AccountAsync("appt-flow", Roles.Applicant, "MA6TAP01");

        var published = await PublishAsync(admin, hall, "2026-11-27", "2026-12-04", Template);
        var again = await PublishAsync(admin, hall, "2026-11-27", "2026-12-04", Template);
        var weekend = await (await admin.PostAsJsonAsync($"/api/v1/appointments/halls/{hall}/slots", new { from = "2026-11-28", to = "2026-11-29", slots = Template })).AssertProblemAsync(400);
        var slots = await SlotsAsync(applicant, hall, "2026-11-27", "2026-12-04");

        Assert.Equal((6, 12, 0), (published.WorkingDays, published.Added, published.Existing));
        Assert.Equal((0, 12), (again.Added, again.Existing));
        Assert.Equal("/problems/appointments/no-working-days", weekend.GetProperty("type").GetString());
        Assert.DoesNotContain(slots, s => s.Date == new DateOnly(2026, 11, 28) || s.Date == new DateOnly(2026, 11, 29));
        Assert.Equal(6, slots.Count(s => s.Extended && s.Start == "12:00"));

        var slot = slots.First(s => s.Date == new DateOnly(2026, 11, 30) && s.Start == "09:30").Id;
        var response = await BookAsync(applicant, slot, itemCode: "SL-014");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booking = await response.ReadAsAsync<BookingView>();
        var id = booking.Id;
        var mine = Assert.Single(await (await applicant.GetAsync("/api/v1/appointments/bookings")).ReadAsAsync<BookingLineView[]>());
        var seen = (await SlotsAsync(applicant, hall, "2026-11-30", "2026-11-30")).Single(s => s.Id == slot);

        Assert.StartsWith("YY20261130-", booking.Number, StringComparison.Ordinal);
        Assert.Equal(("Active", "SL-014"), (booking.State, booking.ItemCode));
        Assert.False(string.IsNullOrEmpty(booking.ItemName));
        Assert.Equal((id, "测试大厅 发布预约取消", "10:30"), (mine.Booking.Id, mine.Hall, mine.End));
        Assert.Equal((1, 1), (seen.Booked, seen.Remaining));

        var withdrawBooked = await (await admin.PostAsync($"/api/v1/appointments/slots/{slot}/withdraw", null)).AssertProblemAsync(409);
        var cancelled = await (await applicant.PostAsync($"/api/v1/appointments/bookings/{id}/cancel", null)).ReadAsAsync<BookingView>();
        await (await applicant.PostAsync($"/api/v1/appointments/bookings/{id}/cancel", null)).AssertProblemAsync(409);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/appointments/slots/{slot}/withdraw", null)).StatusCode);

        Assert.Contains("已有企业预约", withdrawBooked.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Cancelled", cancelled.State);
        Assert.Equal(0, await BookedAsync(slot));
        Assert.DoesNotContain(await SlotsAsync(applicant, hall, "2026-11-30", "2026-11-30"), s => s.Id == slot);
        Assert.Equal("Cancelled", (await (await applicant.GetAsync($"/api/v1/appointments/bookings/{id}")).ReadAsAsync<BookingLineView>()).Booking.State);

        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == hall.ToString() || e.EntityId == id.ToString() || e.EntityId == slot.ToString()).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(["appointments.hall-created", "appointments.published", "appointments.booked", "appointments.cancelled", "appointments.withdrawn"], actions);
    }

    [Fact]
    public async Task A_full_slot_is_refused_with_409_and_a_chinese_reason_as_are_a_started_slot_and_a_fourth_active_booking()
    {
        var (admin, hall) = await HallAsync("测试大厅 约满");
        var first = await AccountAsync("appt-full-a", Roles.Applicant, "MA6TAP02");
        var second = await AccountAsync("appt-full-b", Roles.Applicant, "MA6TAP03");
        var last = await OneSlotAsync(admin, hall, "2026-12-01", "09:30", "10:30", 1);
        var started = await OneSlotAsync(admin, hall, "2026-11-26", "09:30", "10:00", 5);

        Assert.Equal(HttpStatusCode.Created, (await BookAsync(first, last)).StatusCode);
        var full = await (await BookAsync(second, last)).AssertProblemAsync(409);
        var twice = await (await BookAsync(first, last)).AssertProblemAsync(409);
        var past = await (await BookAsync(second, started)).AssertProblemAsync(400);
        var unknown = await (await BookAsync(second, Guid.NewGuid())).AssertProblemAsync(404);
        var noRegion = await (await admin.PostAsJsonAsync("/api/v1/appointments/halls", new { name = "无区划大厅", regionCode = "999999", address = "某地", openingHours = "工作日" })).AssertProblemAsync(400);
        var noHall = await (await second.GetAsync($"/api/v1/appointments/halls/{Guid.NewGuid()}/slots?from=2026-12-01&to=2026-12-01")).AssertProblemAsync(404);

        Assert.Equal("/problems/appointments/slot-full", full.GetProperty("type").GetString());
        Assert.Contains("已约满", full.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("/problems/appointments/already-booked", twice.GetProperty("type").GetString());
        Assert.Equal("/problems/appointments/slot-started", past.GetProperty("type").GetString());
        Assert.Equal("/problems/appointments/slot-not-found", unknown.GetProperty("type").GetString());
        Assert.Equal("/problems/appointments/hall-not-found", noHall.GetProperty("type").GetString());
        Assert.Contains("999999", noRegion.GetProperty("detail").GetString(), StringComparison.Ordinal);

        foreach (var start in new[] { "14:00", "15:00" })
        {
            Assert.Equal(HttpStatusCode.Created, (await BookAsync(first, await OneSlotAsync(admin, hall, "2026-12-02", start, start.Replace(":00", ":30", StringComparison.Ordinal), 3))).StatusCode);
        }

        var tooMany = await (await BookAsync(first, await OneSlotAsync(admin, hall, "2026-12-03", "09:30", "10:30", 3))).AssertProblemAsync(409);
        Assert.Equal("/problems/appointments/too-many-bookings", tooMany.GetProperty("type").GetString());
        Assert.Equal(1, await BookedAsync(last));
    }

    [Fact]
    public async Task Ten_companies_racing_for_the_last_place_get_exactly_one_booking()
    {
        var (admin, hall) = await HallAsync("测试大厅 并发");
        var slot = await OneSlotAsync(admin, hall, "2026-12-07", "09:30", "10:30", 1);
        var applicants = new List<HttpClient>();
        for (var i = 0; i < 10; i++)
        {
            applicants.Add(await AccountAsync($"appt-race-{i}", Roles.Applicant, $"MA6TRC{i:00}"));
        }

        var responses = await Task.WhenAll(applicants.Select(a => BookAsync(a, slot)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await BookedAsync(slot));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Bookings.CountAsync(b => b.SlotId == slot)));
    }

    [Fact]
    public async Task A_retried_booking_with_the_same_idempotency_key_returns_the_same_booking_even_when_the_retries_race()
    {
        var (admin, hall) = await HallAsync("测试大厅 幂等");
        var applicant = await AccountAsync("appt-retry", Roles.Applicant, "MA6TAP04");
        var slot = await OneSlotAsync(admin, hall, "2026-12-08", "09:30", "10:30", 5);
        var other = await OneSlotAsync(admin, hall, "2026-12-08", "10:30", "11:30", 5);

        var first = await BookAsync(applicant, slot, "retry-key-1");
        var retries = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => BookAsync(applicant, slot, "retry-key-1")));
        var reused = await (await BookAsync(applicant, other, "retry-key-1")).AssertProblemAsync(409);

        var id = (await first.ReadAsAsync<BookingView>()).Id;
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        foreach (var retry in retries)
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            Assert.Equal(id, (await retry.ReadAsAsync<BookingView>()).Id);
        }

        Assert.Equal("/problems/appointments/idempotency-key-reused", reused.GetProperty("type").GetString());
        Assert.Equal(1, await BookedAsync(slot));
        Assert.Equal(0, await BookedAsync(other));
    }

    [Fact]
    public async Task An_applicant_cannot_see_or_cancel_another_companys_booking_nor_book_with_the_login_cookie()
    {
        var (admin, hall) = await HallAsync("测试大厅 越权");
        var owner = await AccountAsync("appt-owner", Roles.Applicant, "MA6TAP05");
        var stranger = await AccountAsync("appt-stranger", Roles.Applicant, "MA6TAP06");
        var slot = await OneSlotAsync(admin, hall, "2026-12-09", "09:30", "10:30", 5);
        var id = (await (await BookAsync(owner, slot)).ReadAsAsync<BookingView>()).Id;

        await (await stranger.PostAsync($"/api/v1/appointments/bookings/{id}/cancel", null)).AssertProblemAsync(404);
        await (await stranger.GetAsync($"/api/v1/appointments/bookings/{id}")).AssertProblemAsync(404);
        Assert.Empty(await (await stranger.GetAsync("/api/v1/appointments/bookings")).ReadAsAsync<BookingLineView[]>());
        Assert.Equal(HttpStatusCode.Forbidden, (await BookAsync(admin, slot)).StatusCode);
        var cookie = await factory.CookieClientAsync(Roles.Applicant);
        Assert.NotEqual(HttpStatusCode.Created, (await BookAsync(cookie, slot)).StatusCode);
        Assert.Equal(1, await BookedAsync(slot));
    }

    [Fact]
    public async Task A_window_clerk_lists_the_days_bookings_of_its_department_and_marks_arrival_once()
    {
        var (admin, hall) = await HallAsync("测试大厅 今日");
        var applicant = await AccountAsync("appt-today", Roles.Applicant, "MA6TAP07");
        var clerk = await AccountAsync("appt-clerk-swt", Roles.WindowClerk, department: "XZ-SWT");
        var otherClerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var afternoon = await OneSlotAsync(admin, hall, "2026-11-26", "15:30", "16:30", 3);
        var tomorrow = await OneSlotAsync(admin, hall, "2026-11-27", "15:30", "16:30", 3);
        var booking = await (await BookAsync(applicant, afternoon)).ReadAsAsync<BookingView>();
        var id = booking.Id;
        var later = (await (await BookAsync(applicant, tomorrow)).ReadAsAsync<BookingView>()).Id;

        var today = await (await clerk.GetAsync("/api/v1/appointments/today")).ReadAsAsync<BookingLineView[]>();
        var elsewhere = await (await otherClerk.GetAsync("/api/v1/appointments/today")).ReadAsAsync<BookingLineView[]>();

        var line = Assert.Single(today, l => l.Hall == "测试大厅 今日");
        Assert.Equal(booking.Number, line.Booking.Number);
        Assert.DoesNotContain(elsewhere, l => l.Booking.Id == id);
        await (await otherClerk.PostAsync($"/api/v1/appointments/bookings/{id}/arrival", null)).AssertProblemAsync(404);
        await (await clerk.PostAsync($"/api/v1/appointments/bookings/{later}/no-show", null)).AssertProblemAsync(400);

        var arrived = await (await clerk.PostAsync($"/api/v1/appointments/bookings/{id}/arrival", null)).ReadAsAsync<BookingView>();
        await (await clerk.PostAsync($"/api/v1/appointments/bookings/{id}/no-show", null)).AssertProblemAsync(409);
        await (await applicant.PostAsync($"/api/v1/appointments/bookings/{id}/cancel", null)).AssertProblemAsync(409);

        Assert.Equal("Arrived", arrived.State);
        Assert.Equal("appointments.arrived", await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == id.ToString()).OrderBy(e => e.Sequence).Select(e => e.Action).LastAsync()));
    }

    [Fact]
    public async Task The_pages_let_an_applicant_book_a_demo_slot_an_admin_see_the_fill_and_a_clerk_open_the_day()
    {
        var applicant = await factory.CookieClientAsync(Roles.Applicant);
        var hall = await factory.WithDbAsync(db => db.ServiceHalls.Where(h => h.DepartmentCode == "XZ-SYJ").Select(h => h.Id).FirstAsync());
        var slot = await factory.WithDbAsync(db => db.Slots.Where(s => s.HallId == hall).OrderBy(s => s.Date).ThenBy(s => s.Start).FirstAsync());
        var page = $"/Appointments?HallId={hall}&From={slot.Date:yyyy-MM-dd}";

        var listed = await applicant.GetStringAsync(page);
        var booked = await ZhengzhaoFactory.PostFormAsync(applicant, $"/Appointments?handler=Book&HallId={hall}", new() { ["slotId"] = slot.Id.ToString(), ["key"] = "page-key-1" }, page);
        var shown = await booked.Content.ReadAsStringAsync();

        Assert.Contains("食品药品窗口", listed, StringComparison.Ordinal);
        Assert.Contains("延时服务", listed, StringComparison.Ordinal);
        Assert.Contains("预约成功", shown, StringComparison.Ordinal);
        Assert.Contains("YY" + slot.Date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), shown, StringComparison.Ordinal);
        Assert.Equal(1, await BookedAsync(slot.Id));

        var admin = await factory.CookieClientAsync(Roles.DepartmentAdmin);
        var halls = await admin.GetStringAsync("/Appointments/Halls");
        var commerce = await factory.WithDbAsync(db => db.ServiceHalls.Where(h => h.DepartmentCode == "XZ-SWT").Select(h => h.Id).FirstAsync());
        Dictionary<string, string> Publish(string template) => new() { ["HallId"] = commerce.ToString(), ["PublishFrom"] = "2027-01-11", ["PublishTo"] = "2027-01-15", ["Template"] = template, ["Extended"] = "18:00-19:30 1" };
        var published = await (await ZhengzhaoFactory.PostFormAsync(admin, "/Appointments/Halls?handler=Publish", Publish("09:30-10:30 2\n10:30-11:30 2"), "/Appointments/Halls")).Content.ReadAsStringAsync();
        var malformed = await (await ZhengzhaoFactory.PostFormAsync(admin, "/Appointments/Halls?handler=Publish", Publish("上午九点半 2"), "/Appointments/Halls")).Content.ReadAsStringAsync();

        Assert.Contains("商务窗口", halls, StringComparison.Ordinal);
        Assert.Contains("5 个工作日，新增号源 15 个", published, StringComparison.Ordinal);
        Assert.Contains("格式不对", malformed, StringComparison.Ordinal);
        Assert.DoesNotContain("新闻出版广电窗口", halls, StringComparison.Ordinal);
        var clerk = await factory.CookieClientAsync(Roles.WindowClerk);
        Assert.Contains("今日预约", await clerk.GetStringAsync("/Appointments/Today"), StringComparison.Ordinal);
        Assert.Contains("/Account/AccessDenied", (await applicant.GetAsync("/Appointments/Halls")).Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
