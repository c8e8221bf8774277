using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Calendar;
using Zhengzhao.Catalog;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;
using ApplicationView = Zhengzhao.Web.Api.LicensingEndpoints.ApplicationView;
using WorklistView = Zhengzhao.Web.Api.VerificationEndpoints.WorklistView;

namespace Zhengzhao.Web.Tests.Licensing;

/// <summary>
/// An application's whole path under each reform mode, through the API. The demo applicant's company is in the
/// Lhasa zone (540172); the demo window clerk works at the zone's comprehensive window; the demo approver at
/// 新闻出版广电局 (XZ-XWGD), which approves SL-010 (commitment), SL-016 (transparent) and XZ2018-S01 (strict access).
/// </summary>
public sealed class ApplicationFlowTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task A_filing_is_recorded_at_once_and_a_retried_request_makes_no_second_one()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var body = new { itemCode = "SL-001", materials = await factory.RequiredMaterialsAsync(applicant, "SL-001") };

        var first = await FileAsync(applicant, body, "filing-001");
        var retried = await FileAsync(applicant, body, "filing-001");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var filed = await first.ReadAsAsync<ApplicationView>();
        Assert.Equal(("Filed", "已备案"), (filed.State, filed.StateName));
        Assert.Matches(@"^XZ-SYJ-2026-\d{6}$", filed.Number);
        Assert.Equal(filed.Id, (await retried.ReadAsAsync<ApplicationView>()).Id);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Applications.CountAsync(a => a.IdempotencyKey == "filing-001")));
        var receipt = await factory.WithDbAsync(db => db.Permits.SingleAsync(p => p.ApplicationId == filed.Id));
        Assert.Equal(PermitKind.FilingReceipt, receipt.Kind);
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_make_one_application_and_numbers_never_repeat()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var materials = await factory.RequiredMaterialsAsync(applicant, "SL-001");

        var same = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => FileAsync(applicant, new { itemCode = "SL-001", materials }, "burst-1")));
        var distinct = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => FileAsync(applicant, new { itemCode = "SL-001", materials }, $"burst-n{i}")));

        Assert.All(same, r => Assert.True(r.IsSuccessStatusCode));
        Assert.Single((await Task.WhenAll(same.Select(r => r.ReadAsAsync<ApplicationView>()))).Select(a => a.Id).Distinct());
        var numbers = (await Task.WhenAll(distinct.Select(r => r.ReadAsAsync<ApplicationView>()))).Select(a => a.Number).ToList();
        Assert.Equal(6, numbers.Distinct().Count());
    }

    [Fact]
    public async Task A_signed_commitment_is_accepted_on_the_spot_and_decided_within_the_committed_limit()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var approver = await factory.BearerClientAsync(Roles.Approver);
        var materials = await factory.RequiredMaterialsAsync(applicant, "SL-007");

        var unsigned = await FileAsync(applicant, new { itemCode = "SL-007", route = "Commitment", materials });
        var signed = await (await FileAsync(applicant, new { itemCode = "SL-007", route = "Commitment", materials, signatory = "扎西" })).ReadAsAsync<ApplicationView>();
        var id = signed.Id;
        var approved = (await ActAsync(approver, id, "decide", new { approve = true })).As<ApplicationView>();

        await unsigned.AssertProblemAsync(400);
        Assert.Equal(("Accepted", "Commitment"), (signed.State, signed.Route));
        Assert.Equal(signed.SubmittedOn, signed.AcceptedOn);
        Assert.Equal("Approved", approved.State);
        var commitment = await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Commitment).SingleAsync());
        Assert.Equal("扎西", commitment!.Signer);
        Assert.Matches("^[0-9a-f]{64}$", commitment.TextDigest);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Permits.CountAsync(p => p.ApplicationId == id)));
    }

    [Fact]
    public async Task A_commitment_promised_on_the_spot_is_decided_at_once_and_an_earlier_false_commitment_bars_the_route()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var approver = await factory.BearerClientAsync(Roles.Approver);
        var materials = await factory.RequiredMaterialsAsync(applicant, "SL-010");

        var onTheSpot = await (await FileAsync(applicant, new { itemCode = "SL-010", route = "Commitment", materials, signatory = "扎西" })).ReadAsAsync<ApplicationView>();
        var id = onTheSpot.Id;

        Assert.Equal(("Approved", Application.OnTheSpotDecider), (onTheSpot.State, onTheSpot.Decision?.DecidedBy));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Permits.CountAsync(p => p.ApplicationId == id)));
        await ActAsync(approver, id, "decide", new { approve = true }, HttpStatusCode.Conflict);

        // The verification (核查) the commitment owes finds it false: the permit goes, the breach is recorded.
        var queue = await (await approver.GetAsync("/api/v1/licensing/verifications")).ReadAsAsync<WorklistView>();
        var task = Assert.Single(queue.Open, v => v.Uscc == AccountSeeder.DemoEnterprise.Value && v.ItemCode == "SL-010");
        var decidedOn = onTheSpot.ClosedOn!.Value;
        var window = await factory.WithDbAsync(async db => (await factory.Services.GetRequiredService<CalendarCache>().GetAsync(db)).AddWorkdays(decidedOn, 20, "540172"));
        Assert.Equal(("Commitment", window), (task.Kind, task.DueOn));
        var conclusion = $"/api/v1/licensing/verifications/{task.Id}/conclusion";
        await (await approver.PostAsJsonAsync(conclusion, new { outcome = "False" })).AssertProblemAsync(400);
        (await approver.PostAsJsonAsync(conclusion, new { outcome = "False", findings = "承诺的经营场所不存在" })).EnsureSuccessStatusCode();
        await (await approver.PostAsJsonAsync(conclusion, new { outcome = "Consistent", findings = "复核" })).AssertProblemAsync(409);

        var permit = await factory.WithDbAsync(db => db.Permits.SingleAsync(p => p.ApplicationId == id));
        var breach = await factory.WithDbAsync(db => db.CommitmentBreaches.SingleAsync(b => b.ApplicationId == id));
        var events = await factory.WithDbAsync(db => db.LicensingEvents.Where(e => e.PermitNumber == permit.Number).OrderBy(e => e.Id).Select(e => e.Type).ToListAsync());
        Assert.Equal(PermitStatus.Revoked, permit.Status);
        Assert.Equal(("承诺的经营场所不存在", "demo-approver"), (breach.Finding, breach.RecordedBy));
        Assert.Equal([LicensingEvent.PermitIssued, LicensingEvent.PermitRevoked, LicensingEvent.CommitmentBreached], events);
        var barred = await (await FileAsync(applicant, new { itemCode = "SL-010", route = "Commitment", materials, signatory = "扎西" })).AssertProblemAsync(403);
        var ordinary = await (await FileAsync(applicant, new { itemCode = "SL-010", route = "Ordinary", materials })).ReadAsAsync<ApplicationView>();

        Assert.Contains("信用修复前不能选择告知承诺方式", barred.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Submitted", ordinary.State);
    }

    [Fact]
    public async Task A_transparent_application_goes_through_one_supplement_and_every_published_step()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var approver = await factory.BearerClientAsync(Roles.Approver);
        var filed = await (await FileAsync(applicant, new { itemCode = "SL-016", materials = await factory.RequiredMaterialsAsync(applicant, "SL-016") })).ReadAsAsync<ApplicationView>();
        var id = filed.Id;

        await ActAsync(clerk, id, "accept");
        await ActAsync(approver, id, "steps", new { reason = "受理完成" });
        var supplement = (await ActAsync(approver, id, "supplement", new { items = new[] { new { material = "营业执照", problem = "复印件模糊不清" }, new { material = "电影放映经营许可申请书", problem = "未加盖公章" } } })).As<ApplicationView>();
        await ActAsync(approver, id, "supplement", new { items = new[] { new { material = "营业执照", problem = "再次核对" } } }, HttpStatusCode.Conflict);
        factory.Clock.Advance(TimeSpan.FromDays(4));

        // Four days on, the morning's tokens have expired: everyone signs in again.
        applicant = await factory.BearerClientAsync(Roles.Applicant);
        approver = await factory.BearerClientAsync(Roles.Approver);
        var upload = await UploadAsync(applicant);
        (await applicant.PostAsJsonAsync($"/api/v1/licensing/applications/{id}/supplement-complete", new { materials = new[] { new { name = "营业执照", upload }, new { name = "电影放映经营许可申请书", upload } } })).EnsureSuccessStatusCode();
        foreach (var step in new[] { "材料齐全", "现场符合要求", "同意", "已制证" })
        {
            await ActAsync(approver, id, "steps", new { reason = step });
        }

        var decided = (await ActAsync(approver, id, "decide", new { approve = true })).As<ApplicationView>();
        var seen = await (await applicant.GetAsync($"/api/v1/licensing/applications/{id}")).ReadAsAsync<ApplicationView>();

        Assert.Equal("SupplementRequested", supplement.State);
        Assert.Equal("Approved", decided.State);
        Assert.Equal("demo-windowclerk", seen.Owner);
        Assert.All(seen.Steps, s => Assert.Equal("demo-approver", s.Officer));
        var stepsDue = seen.Steps.Select(s => s.DueOn).ToList();
        Assert.Equal(stepsDue.Order(), stepsDue);
        Assert.Equal(seen.Clock?.CommittedDue, stepsDue[^1]);
        Assert.Equal((new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 30)), (seen.Pauses[0].From, seen.Pauses[0].To!.Value));
        Assert.Equal(2, seen.Clock?.PausedWorkdays);
        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == id.ToString()).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(actions.Count, seen.Timeline?.Count);
        Assert.Contains("一次性告知补正", seen.Timeline![3].Summary, StringComparison.Ordinal);
        Assert.Equal(["licensing.filed", "licensing.accepted", "licensing.step-ended", "licensing.supplement-requested", "licensing.supplemented", "licensing.step-ended", "licensing.step-ended", "licensing.step-ended", "licensing.step-ended", "licensing.decided"], actions);
    }

    [Fact]
    public async Task An_approval_issues_the_permit_and_closes_the_dual_notification_loop_by_itself()
    {
        var registrar = await factory.BearerClientAsync(Roles.Regulator);
        var code = SampleRegistration.Code("MA6TLF01");
        (await registrar.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, "lf-1", scope: "许可项目：出版物零售。一般项目：文具用品零售。"))).EnsureSuccessStatusCode();
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var approver = await factory.BearerClientAsync(Roles.Approver);

        var filed = await (await FileAsync(clerk, new { uscc = code, itemCode = "SL-010", route = "Ordinary", materials = await factory.RequiredMaterialsAsync(clerk, "SL-010", code), agent = await AgentAsync(clerk, code) })).ReadAsAsync<ApplicationView>();
        var id = filed.Id;
        await ActAsync(clerk, id, "accept");
        await ActAsync(approver, id, "steps");
        await ActAsync(approver, id, "steps");
        await ActAsync(approver, id, "decide", new { approve = true });

        var permit = await factory.WithDbAsync(db => db.Permits.SingleAsync(p => p.ApplicationId == filed.Id));
        var push = await factory.WithDbAsync(db => db.Pushes.SingleAsync(p => p.Uscc == code && p.ItemCode == "SL-010"));
        Assert.Equal((Zhengzhao.Coordination.FeedbackOutcome.Granted, permit.Number), (push.Outcome!.Value, push.PermitNumber!));
        Assert.False(push.IsLoopOpen);
        Assert.Matches(@"^XZ-XWGD-2026-\d{6}$", permit.Number);
    }

    [Fact]
    public async Task Strict_access_needs_a_second_officer_and_two_officers_deciding_at_once_conflict()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var maker = await factory.BearerClientAsync(Roles.Approver);
        var checker = await factory.NewBearerClientAsync("xwgd-checker", Roles.Approver, "XZ-XWGD", "540000");
        var other = await factory.NewBearerClientAsync("xwgd-colleague", Roles.Approver, "XZ-XWGD", "540000");
        var id = (await (await FileAsync(applicant, new { itemCode = "XZ2018-S01", materials = await factory.RequiredMaterialsAsync(applicant, "XZ2018-S01") })).ReadAsAsync<ApplicationView>()).Id;
        await ActAsync(clerk, id, "accept");
        for (var step = 0; step < 5; step++)
        {
            await ActAsync(maker, id, "steps");
        }

        var early = await ActAsync(maker, id, "decide", new { approve = true }, HttpStatusCode.BadRequest);
        var photo = await UploadAsync(maker, "现场照片.pdf", uscc: AccountSeeder.DemoEnterprise.Value);
        await ActAsync(maker, id, "assessments", new { kind = "Risk", record = "按发行经营风险评估表逐项评估", findings = "一般风险" });
        await ActAsync(maker, id, "assessments", new { kind = "Risk", record = "再评一次", findings = "一般风险" }, HttpStatusCode.Conflict);
        await ActAsync(maker, id, "assessments", new { kind = "Expert", record = "专家评审", findings = "同意" }, HttpStatusCode.BadRequest);
        var assessed = (await ActAsync(maker, id, "assessments", new { kind = "OnSite", record = "2026-11-26 现场核查经营场所和放映设备", findings = "与申报一致", attachments = new[] { photo } })).As<ApplicationView>();
        Assert.Contains("现场核查", early.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(assessed.AssessmentsOpen);
        Assert.Equal(photo, assessed.Assessments[1].Attachments[0]);

        var both = await Task.WhenAll(
            maker.PostAsJsonAsync($"/api/v1/licensing/applications/{id}/decide", new { approve = true }),
            other.PostAsJsonAsync($"/api/v1/licensing/applications/{id}/decide", new { approve = false, reasons = "资金证明不足" }));
        var winner = both.Single(r => r.StatusCode == HttpStatusCode.OK);
        await both.Single(r => r != winner).AssertProblemAsync(409);
        var proposer = (await winner.ReadAsAsync<ApplicationView>()).Proposal!.DecidedBy;
        var self = proposer == "demo-approver" ? maker : other;

        await ActAsync(self, id, "sign-off", new { agree = true }, HttpStatusCode.Forbidden);
        var signed = (await ActAsync(checker, id, "sign-off", new { agree = true })).As<ApplicationView>();

        Assert.Equal("xwgd-checker", signed.Decision?.SignedOffBy);
        Assert.Equal(proposer == "demo-approver" ? "Approved" : "Denied", signed.State);
    }

    [Fact]
    public async Task Each_caller_sees_only_its_own_and_bad_input_is_a_clear_problem()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var commerce = await factory.BearerClientAsync(Roles.DepartmentAdmin);
        var neighbour = Zhengzhao.Registry.DemoEnterprises.Codes.Skip(2).First();
        var theirs = await (await FileAsync(clerk, new { uscc = neighbour, itemCode = "SL-016", materials = await factory.RequiredMaterialsAsync(clerk, "SL-016", neighbour), agent = await AgentAsync(clerk, neighbour) })).ReadAsAsync<ApplicationView>();
        var id = theirs.Id;

        await (await applicant.GetAsync($"/api/v1/licensing/applications/{id}")).AssertProblemAsync(404);
        await ActAsync(commerce, id, "accept", expected: HttpStatusCode.NotFound);
        Assert.DoesNotContain(await (await applicant.GetAsync("/api/v1/licensing/applications")).ReadAsAsync<ApplicationView[]>(), a => a.Id == id);
        Assert.Contains(await (await clerk.GetAsync("/api/v1/licensing/applications")).ReadAsAsync<ApplicationView[]>(), a => a.Id == id);
        Assert.Equal("demo-windowclerk", theirs.Owner);

        var unknown = await (await FileAsync(applicant, new { itemCode = "SL-999", materials = Array.Empty<object>() })).AssertProblemAsync(400);
        var missing = await (await FileAsync(applicant, new { itemCode = "SL-016", materials = Array.Empty<object>() })).AssertProblemAsync(400);
        var route = await (await FileAsync(applicant, new { itemCode = "SL-016", route = "Fast" })).AssertProblemAsync(400);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("not a pdf")) { Headers = { ContentType = new("application/pdf") } }, "file", "伪装.pdf" } };
        var forged = await (await applicant.PostAsync("/api/v1/licensing/uploads", form)).AssertProblemAsync(400);
        var stranger = await (await FileAsync(applicant, new { itemCode = "SL-016", materials = new[] { new { name = "营业执照", upload = theirs.Materials.Values.First() } } })).AssertProblemAsync(400);

        Assert.Contains("不存在", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("尚缺以下材料", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("route", route.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("文件内容与其类型", forged.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("不属于本企业", stranger.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Applications.CountAsync(a => a.ItemCode == "SL-999")));
    }

    [Fact]
    public async Task An_uploaded_material_is_kept_outside_the_web_root_under_its_checksum()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);

        var id = await UploadAsync(applicant, "营业执照.pdf");

        var upload = await factory.WithDbAsync(db => db.MaterialUploads.SingleAsync(u => u.Id == id));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), upload.Sha256);
        Assert.True(File.Exists(Path.Combine(factory.UploadRoot, upload.StoredAs)));
        Assert.Equal((MaterialFileKind.Pdf, "营业执照.pdf"), (upload.Kind, upload.FileName));
    }
}
