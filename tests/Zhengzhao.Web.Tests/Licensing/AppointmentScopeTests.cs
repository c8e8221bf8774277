using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Identity;
using Zhengzhao.Licensing.Appointments;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Api.AppointmentEndpoints;

namespace Zhengzhao.Web.Tests.Licensing;

/// <summary>
/// Who may pass which company to the appointment use cases. A booking is always the signed-in company's own: the
/// company comes from the account, never from the request, so a code put in the body or the query is ignored, and
/// another company's booking is not found. The window acts on the bookings at its own department's halls in its region or under it. The hall is
/// 商务厅's (XZ-SWT) in the pilot zone (540172); the clock stands at Thursday 2026-11-26 10:00 Beijing time.
/// </summary>
public sealed class AppointmentScopeTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task A_booking_is_made_for_the_signed_in_company_whatever_code_the_request_names_and_by_no_one_else()
    {
        var (company, other) = (await CompanyAsync("MA6TAY01"), await CompanyAsync("MA6TAY02"));
        var applicant = await factory.NewBearerClientAsync("appt-scope-book", Roles.Applicant, uscc: company);
        var slot = await SlotAsync("预约范围 代约", "2026-12-01");

        var booked = await applicant.PostAsJsonAsync("/api/v1/appointments/bookings?uscc=" + other, new { slotId = slot, uscc = other, enterpriseUscc = other });
        var refused = new List<HttpResponseMessage>();
        foreach (var (name, role, region) in new[] { ("clerk", Roles.WindowClerk, "540172"), ("elsewhere", Roles.WindowClerk, "540102"), ("admin", Roles.DepartmentAdmin, "540172") })
        {
            var staff = await StaffAsync("appt-scope-book-" + name, role, region);
            refused.Add(await staff.PostAsJsonAsync("/api/v1/appointments/bookings", new { slotId = slot, uscc = other }));
        }

        var anonymous = await factory.Anonymous().PostAsJsonAsync("/api/v1/appointments/bookings", new { slotId = slot, uscc = other });

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal(company, (await booked.ReadAsAsync<BookingView>()).Uscc);
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal([company], await factory.WithDbAsync(db => db.Bookings.Where(b => b.SlotId == slot).Select(b => b.Uscc).ToListAsync()));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Slots.Where(s => s.Id == slot).Select(s => s.Booked).SingleAsync()));
    }

    [Fact]
    public async Task A_booking_is_read_and_cancelled_by_its_own_company_alone_and_a_code_in_the_query_changes_nothing()
    {
        var (company, other) = (await CompanyAsync("MA6TAY03"), await CompanyAsync("MA6TAY04"));
        var owner = await factory.NewBearerClientAsync("appt-scope-owner", Roles.Applicant, uscc: company);
        var stranger = await factory.NewBearerClientAsync("appt-scope-stranger", Roles.Applicant, uscc: other);
        var id = await BookAsync(owner, await SlotAsync("预约范围 查看取消", "2026-12-02"));
        var clerk = await StaffAsync("appt-scope-read-clerk", Roles.WindowClerk, "540172");

        var notFound = new[]
        {
            await (await stranger.GetAsync($"/api/v1/appointments/bookings/{id}")).AssertProblemAsync(404),
            await (await stranger.PostAsync($"/api/v1/appointments/bookings/{id}/cancel", null)).AssertProblemAsync(404),
            await (await stranger.PostAsync($"/api/v1/appointments/bookings/{id}/cancel?uscc={company}", JsonContent.Create(new { uscc = company }))).AssertProblemAsync(404),
        };
        var strangersList = await (await stranger.GetAsync($"/api/v1/appointments/bookings?uscc={company}")).ReadAsAsync<BookingLineView[]>();
        var ownersList = await (await owner.GetAsync($"/api/v1/appointments/bookings?uscc={other}")).ReadAsAsync<BookingLineView[]>();

        Assert.All(notFound, p => Assert.Equal("/problems/appointments/booking-not-found", p.GetProperty("type").GetString()));
        Assert.Empty(strangersList);
        Assert.Equal([id], ownersList.Select(l => l.Booking.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync($"/api/v1/appointments/bookings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsync($"/api/v1/appointments/bookings/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().GetAsync($"/api/v1/appointments/bookings/{id}")).StatusCode);
        Assert.Equal(BookingState.Active, await StateAsync(id));
        Assert.Equal(["appointments.booked"], await ActionsAsync(id));

        Assert.Equal("Cancelled", (await (await owner.PostAsync($"/api/v1/appointments/bookings/{id}/cancel", null)).ReadAsAsync<BookingView>()).State);
    }

    [Fact]
    public async Task Arrival_is_marked_by_a_window_clerk_of_the_halls_department_alone_and_the_day_lists_only_its_halls()
    {
        var company = await CompanyAsync("MA6TAY05");
        var applicant = await factory.NewBearerClientAsync("appt-scope-arrive", Roles.Applicant, uscc: company);
        var id = await BookAsync(applicant, await SlotAsync("预约范围 到场", "2026-11-26", "15:30", "16:30"));
        var ownClerk = await StaffAsync("appt-scope-arrive-clerk", Roles.WindowClerk, "540172");
        var otherDepartment = await factory.BearerClientAsync(Roles.WindowClerk);
        var admin = await factory.BearerClientAsync(Roles.DepartmentAdmin);

        var elsewhere = await (await otherDepartment.PostAsync($"/api/v1/appointments/bookings/{id}/arrival", null)).AssertProblemAsync(404);
        var othersDay = await (await otherDepartment.GetAsync("/api/v1/appointments/today")).ReadAsAsync<BookingLineView[]>();
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsync($"/api/v1/appointments/bookings/{id}/arrival", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"/api/v1/appointments/bookings/{id}/no-show", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/v1/appointments/today")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().PostAsync($"/api/v1/appointments/bookings/{id}/arrival", null)).StatusCode);

        Assert.Equal("/problems/appointments/booking-not-found", elsewhere.GetProperty("type").GetString());
        Assert.DoesNotContain(othersDay, l => l.Booking.Id == id);
        Assert.Equal(BookingState.Active, await StateAsync(id));
        Assert.Equal(["appointments.booked"], await ActionsAsync(id));

        var ownDay = await (await ownClerk.GetAsync("/api/v1/appointments/today")).ReadAsAsync<BookingLineView[]>();
        Assert.Contains(ownDay, l => l.Booking.Id == id);
        Assert.Equal("Arrived", (await (await ownClerk.PostAsync($"/api/v1/appointments/bookings/{id}/arrival", null)).ReadAsAsync<BookingView>()).State);
    }

    [Fact]
    public async Task A_window_clerk_of_another_region_in_the_halls_department_neither_sees_nor_marks_its_bookings_on_any_day()
    {
        var company = await CompanyAsync("MA6TAY06");
        var applicant = await factory.NewBearerClientAsync("appt-scope-region", Roles.Applicant, uscc: company);
        var today = await BookAsync(applicant, await SlotAsync("预约范围 他区今日", "2026-11-26", "15:30", "16:30"));
        var later = await BookAsync(applicant, await SlotAsync("预约范围 他区改日", "2026-12-03"));
        var otherRegion = await StaffAsync("appt-scope-region-clerk", Roles.WindowClerk, "540102");

        var day = await (await otherRegion.GetAsync("/api/v1/appointments/today")).ReadAsAsync<BookingLineView[]>();
        var refused = new[]
        {
            await (await otherRegion.PostAsync($"/api/v1/appointments/bookings/{today}/arrival", null)).AssertProblemAsync(404),
            await (await otherRegion.PostAsync($"/api/v1/appointments/bookings/{today}/no-show", null)).AssertProblemAsync(404),
            await (await otherRegion.PostAsync($"/api/v1/appointments/bookings/{later}/arrival", null)).AssertProblemAsync(404),
            await (await otherRegion.PostAsync($"/api/v1/appointments/bookings/{later}/no-show", null)).AssertProblemAsync(404),
        };

        Assert.Empty(day);
        Assert.All(refused, p => Assert.Equal("/problems/appointments/booking-not-found", p.GetProperty("type").GetString()));
        Assert.Equal([BookingState.Active, BookingState.Active], [await StateAsync(today), await StateAsync(later)]);
        Assert.Equal(["appointments.booked"], await ActionsAsync(today));
        Assert.Equal(["appointments.booked"], await ActionsAsync(later));
    }

    /// <summary>A company of the pilot zone, registered for the test.</summary>
    private async Task<string> CompanyAsync(string orgBase)
    {
        var code = SampleRegistration.Code(orgBase);
        (await (await factory.BearerClientAsync(Roles.Regulator)).PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, "appt-scope-" + orgBase))).EnsureSuccessStatusCode();
        return code;
    }

    /// <summary>Staff of 商务厅, the hall's department, in the region given.</summary>
    private Task<HttpClient> StaffAsync(string userName, string role, string region) =>
        factory.NewBearerClientAsync(userName, role, "XZ-SWT", region);

    /// <summary>A hall of 商务厅 in the pilot zone with one slot on the day.</summary>
    private async Task<Guid> SlotAsync(string hallName, string date, string start = "09:30", string end = "10:30")
    {
        var admin = await factory.BearerClientAsync(Roles.DepartmentAdmin);
        var hall = (await (await admin.PostAsJsonAsync("/api/v1/appointments/halls", new { name = hallName, regionCode = "540172", address = "拉萨经开区格桑路（测试）", openingHours = "工作日 09:30–18:00" })).ReadAsAsync<HallView>()).Id;
        (await admin.PostAsJsonAsync($"/api/v1/appointments/halls/{hall}/slots", new { from = date, to = date, slots = new[] { new { start, end, capacity = 3, extended = false } } })).EnsureSuccessStatusCode();
        var slots = await (await admin.GetAsync($"/api/v1/appointments/halls/{hall}/slots?from={date}&to={date}")).ReadAsAsync<SlotView[]>();
        return Assert.Single(slots).Id;
    }

    private static async Task<Guid> BookAsync(HttpClient applicant, Guid slot)
    {
        var response = await applicant.PostAsJsonAsync("/api/v1/appointments/bookings", new { slotId = slot });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsAsync<BookingView>()).Id;
    }

    private Task<BookingState> StateAsync(Guid id) => factory.WithDbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.State).SingleAsync());

    private Task<List<string>> ActionsAsync(Guid id) =>
        factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == id.ToString()).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
}
