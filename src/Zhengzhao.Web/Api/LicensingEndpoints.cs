using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Api;

/// <summary>Permit applications over HTTP, scoped to the caller: a company sees its own, a department its own, a window its region's.</summary>
public static class LicensingEndpoints
{
    public sealed record MaterialRequest(string? Name, Guid Upload);

    /// <param name="Renews">For a renewal (延续), the number of the company's permit; the item is then the permit's.</param>
    /// <param name="Agent">At the window, the agent who came for the company (代办人).</param>
    public sealed record FileRequest(string? Uscc, string? ItemCode, string? Route, IReadOnlyList<MaterialRequest>? Materials, string? Signatory, bool Submit = true, string? Renews = null, AgentRequest? Agent = null);

    /// <param name="DocumentKind">ResidentIdCard, Passport, HongKongMacaoPermit, TaiwanPermit or ForeignPermanentResidentCard.</param>
    /// <param name="PowerOfAttorney">The upload of the company's power of attorney (授权委托书), unless the agent is its legal representative.</param>
    public sealed record AgentRequest(string? Name, string? DocumentKind, string? DocumentNumber, Guid? PowerOfAttorney);

    /// <summary>The agent as staff and the company see it: the document number masked.</summary>
    public sealed record AgentView(string Name, string DocumentKind, string DocumentKindName, string DocumentNumber, bool IsLegalRepresentative, Guid? PowerOfAttorney);

    public sealed record ReasonRequest(string? Reason);

    public sealed record SupplementRequest(IReadOnlyList<MissingMaterial>? Items);

    public sealed record PauseRequest(string? Kind, string? Reason);

    public sealed record ExtendRequest(int Days, string? Reason);

    public sealed record DecideRequest(bool Approve, string? Reasons);

    public sealed record SignOffRequest(bool Agree);

    public sealed record HandOverRequest(string? To);

    public sealed record AssessmentRequest(string? Kind, string? Record, string? Findings, IReadOnlyList<Guid>? Attachments);

    public sealed record UploadView(Guid Id, string FileName, string Kind, long Size, string Sha256);

    public sealed record ApplicationView(
        Guid Id, string? Number, int Revision, string Uscc, string ItemCode, string ItemName, int ItemVersion, string Mode, string Route, string State, string StateName,
        string Owner, DateOnly? SubmittedOn, DateOnly? AcceptedOn, DateOnly? ClosedOn, IReadOnlyDictionary<string, Guid> Materials, IReadOnlyList<string> MissingMaterials,
        Zhengzhao.Licensing.SupplementRequest? Supplement, string? NotAcceptedReason, IReadOnlyList<ClockPause> Pauses, Extension? Extension,
        IReadOnlyList<StepView> Steps, Decision? Proposal, Decision? Decision, ClockView? Clock,
        IReadOnlyList<Assessment> Assessments, IReadOnlyList<AssessmentKind> AssessmentsOpen, ExtensionRequest? ExtensionRequest, DateOnly? DueOn, string? RenewsPermit, DateOnly? RenewalLastDay,
        string? CloserReview, AgentView? Agent, IReadOnlyList<FindApplications.TimelineEntry>? Timeline);

    /// <summary>Every published step: who held it and when it ended, or when it is due.</summary>
    public sealed record StepView(string Name, int LimitDays, string? Officer, DateOnly? EndedOn, string? Opinion, DateOnly? DueOn);

    public sealed record LateView(ApplicationView Application, int WorkdaysLate);

    public sealed record OverviewView(IReadOnlyList<LateView> Overdue, IReadOnlyList<ApplicationView> ExtensionRequests, IReadOnlyList<DepartmentOverview.HandOver> HandOvers);

    public sealed record ClockView(DateOnly CommittedDue, DateOnly StatutoryDue, int WorkdaysLeft, bool Paused, int PausedWorkdays, bool PastCommitted, bool PastStatutory, string Light);

    public static RouteGroupBuilder MapLicensingEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/licensing").WithTags("许可申请 Licensing");

        group.MapPost("/uploads", async (IFormFile? file, string? uscc, UploadMaterial upload, ClaimsPrincipal user, CancellationToken ct) =>
            {
                if (file is null)
                {
                    return Problems.From(new("licensing/no-file", "没有文件", "请以 multipart/form-data 上传字段名为 file 的 PDF、JPG 或 PNG 文件。"));
                }

                await using var content = file.OpenReadStream();
                var result = await upload.HandleAsync(new(Company(user, uscc), file.FileName, file.ContentType, file.Length, content, user.ApplicationReader(), user.ToActor()), ct);
                return result.ToHttpResult(u => new UploadView(u.Id, u.FileName, u.Kind.ToString(), u.Size, u.Sha256));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Applicant, Roles.WindowClerk, Roles.Approver, Roles.DepartmentAdmin)).RequireAuthorization(IdentitySetup.BearerOnlyPolicy).DisableAntiforgery()
            .WithName("UploadMaterial").WithSummary("上传申请材料、授权委托书或核查附件（PDF、JPG、PNG，≤10 MB；工作人员用 uscc 指明本区域或本部门办理事项的企业）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/applications", async (FileRequest request, [FromHeader(Name = "Idempotency-Key")] string? key, FileApplication file, ClaimsPrincipal user, HttpContext context, CancellationToken ct) =>
            {
                var route = ApiInput.OptionalEnum<ApplicationRoute>(request.Route, "route", "Ordinary、Commitment");
                if (!route.IsSuccess)
                {
                    return Problems.From(route.Refusal);
                }

                var result = await file.HandleAsync(
                    new()
                    {
                        Uscc = Company(user, request.Uscc),
                        ItemCode = request.ItemCode,
                        Route = route.Value ?? ApplicationRoute.Ordinary,
                        Materials = Materials(request),
                        Signatory = request.Signatory,
                        SignerIpAddress = context.Connection.RemoteIpAddress?.ToString(),
                        Submit = request.Submit,
                        IdempotencyKey = key,
                        By = user.ApplicationReader(),
                        Actor = user.ToActor(),
                        Renews = request.Renews,
                        Agent = request.Agent is { } agent ? new AgentInput(agent.Name, agent.DocumentKind, agent.DocumentNumber, agent.PowerOfAttorney) : null,
                    },
                    ct);
                return !result.IsSuccess ? Problems.From(result.Refusal)
                    : result.Value.Replayed ? Results.Ok(View(result.Value.Application, null))
                    : Results.Created($"/api/v1/licensing/applications/{result.Value.Application.Id}", View(result.Value.Application, null));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Applicant, Roles.WindowClerk)).RequireAuthorization(IdentitySetup.BearerOnlyPolicy).DisableAntiforgery()
            .WithName("FileApplication").WithSummary("申请（submit=false 存为草稿；renews 为延续申请的原证号；窗口代本区域企业申请须登记 agent 代办人）；Idempotency-Key 相同的重试返回同一件申请")
            .WithDescription("一家企业可以同时有同一事项的多件申请（例如不同的经营场所）：已有办理中的申请不妨碍再次申请，本接口不拒绝也不提示；同一请求的重试请带相同的 Idempotency-Key，只得到一件申请（网页表单则先提示已有的申请并请申请人确认）。窗口人员所填 uscc 不是有效的统一社会信用代码时返回 400 licensing/invalid-uscc（errors.uscc 说明错在哪里），不是本区域登记的企业时返回 403 licensing/company-out-of-scope。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/applications/{id:guid}/submit", async (Guid id, SubmitDraft submit, ClaimsPrincipal user, CancellationToken ct) =>
                (await submit.HandleAsync(id, user.ApplicationReader(), user.ToActor(), ct)).ToHttpResult(a => View(a, null)))
            .RequireAuthorization(p => p.RequireRole(Roles.Applicant, Roles.WindowClerk)).RequireAuthorization(IdentitySetup.BearerOnlyPolicy).DisableAntiforgery()
            .WithName("SubmitApplication").WithSummary("提交草稿（企业的草稿由企业提交；窗口只提交本窗口登记代办人的草稿）");

        group.MapPost("/applications/{id:guid}/supplement-complete", async (Guid id, FileRequest request, CompleteSupplement complete, ClaimsPrincipal user, CancellationToken ct) =>
                (await complete.HandleAsync(id, user.ApplicationReader(), Materials(request), user.ToActor(), ct)).ToHttpResult(a => View(a, null)))
            .RequireAuthorization(p => p.RequireRole(Roles.Applicant, Roles.WindowClerk)).RequireAuthorization(IdentitySetup.BearerOnlyPolicy).DisableAntiforgery()
            .WithName("CompleteSupplement").WithSummary("提交补正材料（materials 列出补正的材料；企业自己的申请由企业提交）");

        group.MapGet("/applications", async (FindApplications find, ClaimsPrincipal user, CancellationToken ct) =>
                (await find.ListForAsync(user.ApplicationReader(), ct)).Select(v => View(v.Application, v.Clock)))
            .WithName("ListApplications").WithSummary("申请人：本企业的申请；窗口：本区域待受理；审批人员：本部门待办（按承诺期限排序）");

        group.MapGet("/applications/{id:guid}", async (Guid id, FindApplications find, ClaimsPrincipal user, CancellationToken ct) =>
                (await find.GetAsync(id, user.ApplicationReader(), ct)).ToHttpResult(v => View(v.Application, v.Clock, v.Timeline)))
            .WithName("GetApplication").WithSummary("一件申请及其计时（看不到的申请一律 404）").ProducesProblem(StatusCodes.Status404NotFound);

        var act = group.MapGroup("/applications/{id:guid}")
            .RequireAuthorization(IdentitySetup.StaffPolicy).RequireAuthorization(IdentitySetup.BearerOnlyPolicy).DisableAntiforgery()
            .AddEndpointFilter(async (context, next) =>
            {
                // Each action returns the use case's result; here it becomes the application view or its problem.
                var value = await next(context);
                return value is Result<Application> result ? result.ToHttpResult(a => View(a, null)) : value;
            })
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        act.MapPost("/accept", (Guid id, AcceptApplication accept, ClaimsPrincipal user, CancellationToken ct) => accept.HandleAsync(id, user.Officer(), ct)).WithName("AcceptApplication").WithSummary("受理");
        act.MapPost("/not-accept", (Guid id, ReasonRequest request, NotAcceptApplication notAccept, ClaimsPrincipal user, CancellationToken ct) => notAccept.HandleAsync(id, request.Reason, user.Officer(), ct)).WithName("NotAcceptApplication").WithSummary("不予受理（写明理由及法律依据）");
        act.MapPost("/supplement", (Guid id, SupplementRequest request, RequestSupplement supplement, ClaimsPrincipal user, CancellationToken ct) => supplement.HandleAsync(id, request.Items ?? [], user.Officer(), ct)).WithName("RequestSupplement").WithSummary("一次性告知补正（每件申请仅一次）");
        act.MapPost("/steps", (Guid id, ReasonRequest request, EndStep endStep, ClaimsPrincipal user, CancellationToken ct) => endStep.HandleAsync(id, request.Reason, user.Officer(), ct)).WithName("EndStep").WithSummary("办结当前公开环节（reason 为环节意见）");
        act.MapPost("/resume", (Guid id, ResumeClock resume, ClaimsPrincipal user, CancellationToken ct) => resume.HandleAsync(id, user.Officer(), ct)).WithName("ResumeClock").WithSummary("恢复计时");
        act.MapPost("/decide", (Guid id, DecideRequest request, DecideApplication decide, ClaimsPrincipal user, CancellationToken ct) => decide.HandleAsync(id, request.Approve, request.Reasons, user.Officer(), ct)).WithName("DecideApplication").WithSummary("作出决定（加强准入管理事项为拟办，待复核）");
        act.MapPost("/sign-off", (Guid id, SignOffRequest request, SignOff signOff, ClaimsPrincipal user, CancellationToken ct) => signOff.HandleAsync(id, request.Agree, user.Officer(), ct)).WithName("SignOffDecision").WithSummary("复核签发（须另一人）");
        act.MapPost("/hand-over", (Guid id, HandOverRequest request, HandOverApplication handOver, ClaimsPrincipal user, CancellationToken ct) => handOver.HandleAsync(id, request.To, user.Officer(), ct)).WithName("HandOverApplication").WithSummary("首办责任人移交");
        act.MapPost("/pause", async (Guid id, PauseRequest request, PauseClock pause, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var kind = ApiInput.RequiredEnum<PauseKind>(request.Kind, "kind", "Testing、ExpertReview、Hearing");
                return kind.IsSuccess ? await pause.HandleAsync(id, kind.Value, request.Reason, user.Officer(), ct) : kind.Refusal;
            }).WithName("PauseClock").WithSummary("暂停计时（检验检测、专家评审、听证）");
        act.MapPost("/extend", (Guid id, ExtendRequest request, ExtendDeadline extend, ClaimsPrincipal user, CancellationToken ct) => extend.HandleAsync(id, request.Days, request.Reason, user.Officer(), ct))
            .WithName("ExtendApplication").WithSummary("延长期限（部门负责人，一次；批准延期申请时照申请的天数和理由）");
        act.MapPost("/extension-request", (Guid id, ExtendRequest request, RequestExtension requestExtension, ClaimsPrincipal user, CancellationToken ct) => requestExtension.HandleAsync(id, request.Days, request.Reason, user.Officer(), ct))
            .WithName("RequestExtension").WithSummary("申请延期（报部门负责人审批）");
        act.MapPost("/extension-refusal", (Guid id, RefuseExtension refuse, ClaimsPrincipal user, CancellationToken ct) => refuse.HandleAsync(id, user.Officer(), ct))
            .WithName("RefuseExtension").WithSummary("不同意延期（部门负责人）");
        act.MapPost("/assessments", async (Guid id, AssessmentRequest request, RecordAssessment assess, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var kind = ApiInput.RequiredEnum<AssessmentKind>(request.Kind, "kind", "Risk、OnSite、Expert");
                return kind.IsSuccess ? await assess.HandleAsync(id, kind.Value, request.Record, request.Findings, request.Attachments ?? [], user.Officer(), ct) : kind.Refusal;
            }).WithName("RecordAssessment").WithSummary("记录风险评估、现场核查或专家评审（加强准入管理）");

        group.MapGet("/overview", async (DepartmentOverview overview, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var o = await overview.ForAsync(user.DepartmentCode(), ct);
                return new OverviewView(
                    [.. o.Overdue.Select(l => new LateView(View(l.Application, l.Clock), l.WorkdaysLate))],
                    [.. o.ExtensionRequests.Select(a => View(a, null))],
                    o.HandOvers);
            })
            .RequireAuthorization(IdentitySetup.DepartmentOverviewPolicy).WithName("DepartmentOverview").WithSummary("部门负责人：超期申请、待批延期、首办责任人移交记录");
        return api;
    }

    private static List<MaterialInput> Materials(FileRequest request) => [.. (request.Materials ?? []).Select(m => new MaterialInput(m.Name ?? string.Empty, m.Upload))];

    /// <summary>An applicant acts for its own company; a window clerk names the company it acts for.</summary>
    private static string Company(ClaimsPrincipal user, string? uscc) => user.EnterpriseUscc() ?? uscc?.Trim().ToUpperInvariant() ?? string.Empty;

    /// <param name="timeline">Every recorded act, for one application read alone; lists leave it out.</param>
    private static ApplicationView View(Application a, ClockReading? clock, IReadOnlyList<FindApplications.TimelineEntry>? timeline = null) => new(
        a.Id, a.Number, a.Revision, a.Uscc, a.ItemCode, a.Item.Name, a.Item.Version, a.Item.Mode.ToString(), a.Route.ToString(), a.State.ToString(), ApplicationStates.Name(a.State),
        a.Owner, a.SubmittedOn, a.AcceptedOn, a.ClosedOn, a.Materials, a.MissingMaterials, a.Supplement, a.NotAcceptedReason, a.Pauses, a.Extension,
        [.. a.Item.Steps.Select((s, i) => new StepView(s.Name, s.LimitDays, i < a.Steps.Count ? a.Steps[i].Officer : null, i < a.Steps.Count ? a.Steps[i].EndedOn : null, i < a.Steps.Count ? a.Steps[i].Opinion : null, clock is { } c && i < c.StepsDue.Count ? c.StepsDue[i] : null))],
        a.Proposal, a.Decision,
        clock is null ? null : new ClockView(clock.CommittedDue, clock.StatutoryDue, clock.WorkdaysLeft, clock.IsPaused, clock.PausedWorkdays, clock.PastCommitted, clock.PastStatutory, clock.Light.ToString()),
        a.Assessments, a.AssessmentsOpen, a.ExtensionRequest, a.DueOn, a.RenewsPermit, a.RenewalLastDay, a.CloserReview,
        a.Agent is { } agent ? new AgentView(agent.Name, agent.DocumentKind.ToString(), AgentRules.Name(agent.DocumentKind), agent.DocumentNumberMasked, agent.IsLegalRepresentative, agent.PowerOfAttorney) : null,
        timeline);
}
