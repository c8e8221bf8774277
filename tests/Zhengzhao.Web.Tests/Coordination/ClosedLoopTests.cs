using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Zhengzhao.Common;
using Zhengzhao.Coordination;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Api.CoordinationEndpoints;

namespace Zhengzhao.Web.Tests.Coordination;

/// <summary>
/// 双反馈、双跟踪: a push is claimed or returned, a returned push is re-dispatched or closed by the registrar, the
/// approving department feeds back the outcome, and the loop closes. Demo desks: the approver at 新闻出版广电局
/// (XZ-XWGD), the department administrator at 商务厅 (XZ-SWT, industry authority for 食品经营许可).
/// </summary>
public sealed class ClosedLoopTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private async Task<string> RegisterAsync(string orgBase, string scope = SampleRegistration.FilmAndFood)
    {
        var code = SampleRegistration.Code(orgBase);
        var registrar = await factory.BearerClientAsync(Roles.Regulator);
        (await registrar.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, "cl-" + orgBase, scope: scope))).EnsureSuccessStatusCode();
        return code;
    }

    private static async Task<PushView> InboxLineAsync(HttpClient desk, string code)
    {
        var inbox = await (await desk.GetAsync("/api/v1/coordination/inbox")).ReadAsAsync<PushView[]>();
        return inbox.Single(p => p.Uscc == code);
    }

    [Fact]
    public async Task A_returned_push_is_redispatched_and_the_new_department_closes_the_loop_with_its_feedback()
    {
        var code = await RegisterAsync("MA6TCL01");
        var approver = await factory.BearerClientAsync(Roles.Approver);
        var registrar = await factory.BearerClientAsync(Roles.Regulator);
        var commerce = await factory.BearerClientAsync(Roles.DepartmentAdmin);
        var film = (await InboxLineAsync(approver, code)).Id;

        var returned = await (await approver.PostAsJsonAsync($"/api/v1/coordination/pushes/{film}/return", new { reason = "NotOurRemit", remark = "电影发行单位设立由广电总局审批" })).ReadAsAsync<PushView>();
        await (await approver.PostAsync($"/api/v1/coordination/pushes/{film}/claim", null)).AssertProblemAsync(409);
        Assert.Equal(HttpStatusCode.Forbidden, (await approver.PostAsJsonAsync($"/api/v1/coordination/pushes/{film}/redispatch", new { department = "XZ-SWT" })).StatusCode);

        var awaiting = await (await registrar.GetAsync("/api/v1/coordination/returns")).ReadAsAsync<PushView[]>();
        await (await registrar.PostAsJsonAsync($"/api/v1/coordination/pushes/{film}/redispatch", new { department = "XZ-XWGD" })).AssertProblemAsync(400);
        await (await registrar.PostAsJsonAsync($"/api/v1/coordination/pushes/{film}/redispatch", new { department = "XZ-NONE" })).AssertProblemAsync(400);
        var redispatched = await (await registrar.PostAsJsonAsync($"/api/v1/coordination/pushes/{film}/redispatch", new { department = "XZ-SWT" })).ReadAsAsync<PushView>();
        await (await registrar.PostAsJsonAsync($"/api/v1/coordination/pushes/{film}/redispatch", new { department = "XZ-SWT" })).AssertProblemAsync(409);

        var next = redispatched.Id;
        Assert.Equal("Returned", returned.State);
        Assert.Contains(awaiting, p => p.Id == film);
        Assert.Equal(("Pending", "XZ-SWT"), (redispatched.State, redispatched.Department));
        Assert.Equal(next, (await InboxLineAsync(commerce, code)).Id);

        var noNumber = await (await commerce.PostAsJsonAsync($"/api/v1/coordination/pushes/{next}/feedback", new { outcome = "Granted" })).AssertProblemAsync(400);
        var granted = await (await commerce.PostAsJsonAsync($"/api/v1/coordination/pushes/{next}/feedback", new { outcome = "Granted", permitNumber = "藏影发（2026）第017号" })).ReadAsAsync<PushView>();
        await (await commerce.PostAsJsonAsync($"/api/v1/coordination/pushes/{next}/feedback", new { outcome = "Refused" })).AssertProblemAsync(409);

        Assert.Contains("许可证", noNumber.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(("Claimed", "Granted", "藏影发（2026）第017号"), (granted.State, granted.Outcome, granted.PermitNumber));
        Assert.Equal(new DateOnly(2026, 11, 26), granted.LoopClosedOn);
        var open = await (await registrar.GetAsync("/api/v1/coordination/tracking")).ReadAsAsync<TrackedView[]>();
        Assert.Equal(["SL-014"], open.Select(l => l.Push).Where(p => p.Uscc == code).Select(p => p.ItemCode));
        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == film.ToString() || e.EntityId == next.ToString()).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(["coordination.returned", "coordination.redispatched", "coordination.feedback"], actions);
    }

    [Fact]
    public async Task A_returned_push_the_registrar_closes_needs_a_reason_and_leaves_the_loop_closed()
    {
        var code = await RegisterAsync("MA6TCL02");
        var approver = await factory.BearerClientAsync(Roles.Approver);
        var registrar = await factory.BearerClientAsync(Roles.Regulator);
        var film = (await InboxLineAsync(approver, code)).Id;
        await approver.PostAsJsonAsync($"/api/v1/coordination/pushes/{film}/return", new { reason = "NotInScope" });

        await (await registrar.PostAsJsonAsync($"/api/v1/coordination/pushes/{film}/close", new { remark = "" })).AssertProblemAsync(400);
        var closed = await (await registrar.PostAsJsonAsync($"/api/v1/coordination/pushes/{film}/close", new { remark = "经营范围为电影发行咨询，不涉及发行业务" })).ReadAsAsync<PushView>();

        Assert.Equal(("Closed", new DateOnly(2026, 11, 26)), (closed.State, closed.LoopClosedOn!.Value));
        var returns = await (await registrar.GetAsync("/api/v1/coordination/returns")).ReadAsAsync<PushView[]>();
        Assert.DoesNotContain(returns, p => p.Id == film);
    }

    [Fact]
    public async Task Answers_reach_only_the_departments_own_pushes_and_bad_answers_are_problems()
    {
        var code = await RegisterAsync("MA6TCL03");
        var approver = await factory.BearerClientAsync(Roles.Approver);
        var food = await factory.WithDbAsync(db => db.Pushes.SingleAsync(p => p.Uscc == code && p.DepartmentCode == "XZ-SYJ"));
        var film = (await InboxLineAsync(approver, code)).Id;

        await (await approver.PostAsync($"/api/v1/coordination/pushes/{food.Id}/claim", null)).AssertProblemAsync(404);
        await (await approver.PostAsJsonAsync($"/api/v1/coordination/pushes/{film}/return", new { reason = "Elsewhere" })).AssertProblemAsync(400);
        await (await approver.PostAsJsonAsync($"/api/v1/coordination/pushes/{film}/return", new { reason = "1" })).AssertProblemAsync(400);
        await (await approver.PostAsJsonAsync($"/api/v1/coordination/pushes/{film}/feedback", new { outcome = "NotNeeded" })).AssertProblemAsync(400);
        await (await approver.PostAsJsonAsync($"/api/v1/coordination/pushes/{film}/return", new { reason = "NotOurArea", remark = new string('字', 501) })).AssertProblemAsync(400);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.BearerClientAsync(Roles.Applicant)).GetAsync("/api/v1/coordination/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().PostAsync($"/api/v1/coordination/pushes/{film}/claim", null)).StatusCode);

        // A cookie session cannot post to the API: state changes there need the bearer token.
        var cookie = await factory.CookieClientAsync(Roles.Approver);
        Assert.NotEqual(HttpStatusCode.OK, (await cookie.PostAsync($"/api/v1/coordination/pushes/{film}/claim", null)).StatusCode);

        var pushes = await factory.WithDbAsync(db => db.Pushes.Where(p => p.Uscc == code).Select(p => p.State).ToListAsync());
        Assert.All(pushes, state => Assert.Equal(PushState.Pending, state));
    }

    [Fact]
    public async Task The_industry_authority_gets_a_copy_it_acknowledges_once()
    {
        var code = await RegisterAsync("MA6TCL04");
        var commerce = await factory.BearerClientAsync(Roles.DepartmentAdmin);
        var approver = await factory.BearerClientAsync(Roles.Approver);

        var copy = (await (await commerce.GetAsync("/api/v1/coordination/copies")).ReadAsAsync<CopyView[]>()).Single(c => c.Uscc == code);
        var id = copy.Id;
        await (await approver.PostAsync($"/api/v1/coordination/copies/{id}/acknowledge", null)).AssertProblemAsync(404);
        var acknowledged = await commerce.PostAsync($"/api/v1/coordination/copies/{id}/acknowledge", null);
        await (await commerce.PostAsync($"/api/v1/coordination/copies/{id}/acknowledge", null)).AssertProblemAsync(409);

        Assert.Equal("SL-014", copy.ItemCode);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var tracked = await (await commerce.GetAsync("/api/v1/coordination/tracking")).ReadAsAsync<TrackedView[]>();
        Assert.Contains(tracked, l => l.Push.Uscc == code && l.Push.Department == "XZ-SYJ");
        Assert.Equal(1, await factory.WithDbAsync(db => db.PushCopies.CountAsync(c => c.Uscc == code && c.DepartmentCode == "XZ-SWT")));
    }

    [Fact]
    public async Task The_local_office_gets_a_copy_of_every_push_for_a_company_in_its_area_and_follows_it()
    {
        var inZone = await RegisterAsync("MA6TCL11");
        var elsewhere = SampleRegistration.Code("MA6TCL12", "540102");
        var registrar = await factory.BearerClientAsync(Roles.Regulator);
        (await registrar.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(elsewhere, "cl-12"))).EnsureSuccessStatusCode();
        var zone = await factory.NewBearerClientAsync("jkq-admin", Roles.DepartmentAdmin, "LS-JKQ", "540172");

        var copies = await (await zone.GetAsync("/api/v1/coordination/copies")).ReadAsAsync<CopyView[]>();
        var tracked = (await (await zone.GetAsync("/api/v1/coordination/tracking")).ReadAsAsync<TrackedView[]>()).Select(l => l.Push).ToList();

        Assert.Equal(["SL-014", "XZ2018-S01"], copies.Where(c => c.Uscc == inZone).Select(c => c.ItemCode).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(copies, c => c.Uscc == elsewhere);
        Assert.Equal(2, tracked.Count(p => p.Uscc == inZone));
        Assert.DoesNotContain(tracked, p => p.Uscc == elsewhere);
    }

    [Fact]
    public async Task Tracking_puts_overdue_and_red_loops_first()
    {
        var fresh = await RegisterAsync("MA6TCL05");
        var old = await RegisterAsync("MA6TCL06");
        await factory.WithDbAsync(db => db.Pushes.Where(p => p.Uscc == old).ExecuteUpdateAsync(s => s.SetProperty(p => p.PushedOn, new DateOnly(2026, 9, 1))));
        var approver = await factory.BearerClientAsync(Roles.Approver);

        var lines = (await (await approver.GetAsync("/api/v1/coordination/tracking")).ReadAsAsync<TrackedView[]>())
            .Where(l => l.Push.Uscc == fresh || l.Push.Uscc == old)
            .Select(l => (l.Push.Uscc, l.Push.Light, l.Overdue))
            .ToList();

        Assert.Equal([(old, "Red", true), (fresh, "Green", false)], lines);
    }

    [Fact]
    public async Task Statistics_count_each_department_over_a_range_and_export_the_same_figures()
    {
        var code = await RegisterAsync("MA6TCL07");
        await factory.WithDbAsync(db => db.Pushes.Where(p => p.Uscc == code).ExecuteUpdateAsync(s => s.SetProperty(p => p.PushedOn, new DateOnly(2025, 3, 3))));
        var approver = await factory.BearerClientAsync(Roles.Approver);
        var film = (await InboxLineAsync(approver, code)).Id;
        await approver.PostAsync($"/api/v1/coordination/pushes/{film}/claim", null);
        var oversight = await factory.BearerClientAsync(Roles.Oversight);

        var report = await (await oversight.GetAsync("/api/v1/coordination/statistics?from=2025-03-01&to=2025-03-31")).ReadAsAsync<CoordinationStatistics.Report>();
        var workbook = await (await oversight.GetAsync("/api/v1/coordination/statistics?from=2025-03-01&to=2025-03-31&format=xlsx")).Content.ReadAsStreamAsync();
        var byRegion = await (await oversight.GetAsync("/api/v1/coordination/statistics?from=2025-03-01&to=2025-03-31&by=Region")).ReadAsAsync<CoordinationStatistics.Report>();

        var film26 = report.Rows.Single(r => r.Key == "XZ-XWGD");
        Assert.Equal((1, 1, 1.0, 0, 1), (film26.Pushed, film26.Claimed, film26.ClaimRate, film26.Returned, film26.LoopsOpen));
        Assert.Equal(2, report.Total.Pushed);
        var rows = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["新闻出版广电局", 1.0], [rows.Single(r => (string)r["部门"] == "新闻出版广电局")["部门"], Convert.ToDouble(rows.Single(r => (string)r["部门"] == "新闻出版广电局")["认领率"], System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal("合计", rows[^1]["部门"]);
        Assert.Equal(("540100", 2), (byRegion.Rows[0].Key, byRegion.Rows[0].Pushed));
        await (await oversight.GetAsync("/api/v1/coordination/statistics?from=2025-04-01&to=2025-03-01")).AssertProblemAsync(400);
        await (await oversight.GetAsync("/api/v1/coordination/statistics?from=2025-02-30&to=2025-03-01")).AssertProblemAsync(400);
        Assert.Equal(HttpStatusCode.Forbidden, (await approver.GetAsync("/api/v1/coordination/statistics?from=2025-03-01&to=2025-03-31")).StatusCode);
    }

    [Fact]
    public async Task The_applicant_signs_its_own_letter_once_and_reaches_no_other_companys()
    {
        var other = await RegisterAsync("MA6TCL08");
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var registrar = await factory.BearerClientAsync(Roles.Regulator);

        var own = Assert.Single(await (await applicant.GetAsync("/api/v1/coordination/letters")).ReadAsAsync<LetterView[]>());
        var otherLetter = Assert.Single(await (await registrar.GetAsync($"/api/v1/coordination/letters?uscc={other}")).ReadAsAsync<LetterView[]>());
        var id = own.Id;
        await (await applicant.PostAsJsonAsync($"/api/v1/coordination/letters/{id}/sign", new { signatoryName = "" })).AssertProblemAsync(400);
        var signed = await (await applicant.PostAsJsonAsync($"/api/v1/coordination/letters/{id}/sign", new { signatoryName = "扎西" })).ReadAsAsync<LetterView>();
        await (await applicant.PostAsJsonAsync($"/api/v1/coordination/letters/{id}/sign", new { signatoryName = "扎西" })).AssertProblemAsync(409);

        Assert.Equal(AccountSeeder.DemoEnterprise.Value, own.Uscc);
        Assert.Equal(["电影发行单位设立、变更审批", "食品经营许可"], otherLetter.Items.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.Equal("扎西", signed.SignatoryName);
        Assert.Matches("^[0-9a-f]{64}$", signed.SignedDigest);
        await (await applicant.GetAsync($"/api/v1/coordination/letters/{otherLetter.Id}")).AssertProblemAsync(404);
        await (await applicant.PostAsJsonAsync($"/api/v1/coordination/letters/{otherLetter.Id}/sign", new { signatoryName = "达瓦" })).AssertProblemAsync(404);
        Assert.Empty(await (await applicant.GetAsync($"/api/v1/coordination/letters?uscc={other}")).ReadAsAsync<LetterView[]>());

        var page = await (await factory.CookieClientAsync(Roles.Applicant)).GetStringAsync($"/Coordination/Letter/{id}");
        Assert.Contains("已电子签署", page, StringComparison.Ordinal);
        Assert.Contains(NotificationLetter.Undertaking, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redelivered_registration_issues_no_second_letter_or_copy()
    {
        var code = SampleRegistration.Code("MA6TCL09");
        var registrar = await factory.BearerClientAsync(Roles.Regulator);

        await registrar.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, "cl-9"));
        await registrar.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, "cl-9"));

        // Copies: 商务厅 for 食品销售 (industry authority), and the zone's committee for both pushes (local office).
        Assert.Equal((1, 3, 2), await factory.WithDbAsync(async db => (
            await db.NotificationLetters.CountAsync(l => l.Uscc == code),
            await db.PushCopies.CountAsync(c => c.Uscc == code),
            await db.Pushes.CountAsync(p => p.Uscc == code))));
    }

    [Fact]
    public async Task The_desks_answer_through_their_pages_with_Chinese_messages()
    {
        var code = await RegisterAsync("MA6TCL10");
        var film = await factory.WithDbAsync(db => db.Pushes.SingleAsync(p => p.Uscc == code && p.DepartmentCode == "XZ-XWGD"));
        var approver = await factory.CookieClientAsync(Roles.Approver);
        await ZhengzhaoFactory.PostFormAsync(approver, "/Coordination/Inbox?handler=Claim", new() { ["id"] = film.Id.ToString() }, formPage: "/Coordination/Inbox");

        var refused = await ZhengzhaoFactory.PostFormAsync(approver, "/Coordination/Inbox?handler=Feedback", new() { ["id"] = film.Id.ToString(), ["outcome"] = "NotNeeded", ["remark"] = "" }, formPage: "/Coordination/Inbox");
        var done = await ZhengzhaoFactory.PostFormAsync(approver, "/Coordination/Inbox?handler=Feedback", new() { ["id"] = film.Id.ToString(), ["outcome"] = "Applying", ["remark"] = "已在线申报" }, formPage: "/Coordination/Inbox");

        Assert.Contains("须写明原因", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("已认领·申请办理中", await approver.GetStringAsync("/Coordination/Tracking"), StringComparison.Ordinal);
        var registrar = await factory.CookieClientAsync(Roles.Regulator);
        var enterprise = await registrar.GetStringAsync($"/Registry/Enterprise/{code}");
        Assert.Contains("许可事项告知书", enterprise, StringComparison.Ordinal);
        Assert.Contains("申请办理中", enterprise, StringComparison.Ordinal);
        var statistics = await registrar.GetStringAsync("/Coordination/Statistics?from=2026-11-01&to=2026-11-30");
        Assert.Contains("<svg", statistics, StringComparison.Ordinal);
        Assert.Contains("新闻出版广电局", statistics, StringComparison.Ordinal);
        Assert.Contains("起始日期 应为 yyyy-MM-dd", await registrar.GetStringAsync("/Coordination/Statistics?from=2026-13-01&to=2026-11-30"), StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (await registrar.GetAsync("/Coordination/Statistics?handler=Export&from=2026-11-01&to=2026-11-30")).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Of_two_officers_answering_the_same_push_at_once_the_later_is_told_it_changed_and_nothing_of_it_is_kept()
    {
        var code = await RegisterAsync("MA6TCL12");
        var approver = await factory.BearerClientAsync(Roles.Approver);
        var film = (await InboxLineAsync(approver, code)).Id;
        var time = factory.Services.GetRequiredService<TimeProvider>();

        // The second officer has the push open, still pending, when the first claims it; then returns it.
        var refusal = await factory.WithDbAsync(async db =>
        {
            var push = await db.Pushes.SingleAsync(p => p.Id == film);
            (await approver.PostAsync($"/api/v1/coordination/pushes/{film}/claim", null)).EnsureSuccessStatusCode();
            Assert.True(push.Return(ReturnReason.NotOurArea, null, "officer-b", ChinaTime.Today(time)).IsSuccess);
            return (await CoordinationChanges.SaveAsync(db, time, push, new Actor("officer-b"), "coordination.returned", nameof(Push), push.Id.ToString(), "待认领 → 已回退", CancellationToken.None)).Refusal;
        });

        Assert.Equal(("coordination/wrong-state", RefusalKind.Conflict), (refusal?.Type, refusal?.Kind));
        Assert.Equal("Claimed", (await InboxLineAsync(approver, code)).State);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "coordination.returned" && e.EntityId == film.ToString())));
    }
}
