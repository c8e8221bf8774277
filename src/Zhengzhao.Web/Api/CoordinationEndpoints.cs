using System.Security.Claims;
using Zhengzhao.Common;
using Zhengzhao.Coordination;
using Zhengzhao.Identity;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Api;

/// <summary>双告知、双反馈、双跟踪 over HTTP: a department's inbox and answers, the registrar's re-dispatch, tracking, statistics and letters.</summary>
public static class CoordinationEndpoints
{
    public sealed record PushView(
        Guid Id, string Uscc, string Company, string ItemCode, string Item, string Department, string? IndustryAuthority, string Mode, DateOnly PushedOn,
        string State, string? Light, string? ReturnReason, string? ReturnRemark, string? RedispatchedTo, string? Outcome, string? PermitNumber, string? OutcomeNote, DateOnly? LoopClosedOn);

    public sealed record TrackedView(PushView Push, int WorkdaysOpen, DateOnly DueOn, bool Overdue);

    public sealed record CopyView(Guid Id, Guid PushId, string Uscc, string Company, string ItemCode, string Item, string ApprovingDepartment, string LoopState, DateOnly SentOn, DateOnly? AcknowledgedOn);

    public sealed record AcknowledgedView(Guid Id, DateOnly? AcknowledgedOn);

    public sealed record LetterView(Guid Id, string Uscc, string Company, string EventId, DateOnly IssuedOn, IReadOnlyList<LetterItem> Items, string Undertaking, DateTimeOffset? SignedAt, string? SignatoryName, string? SignedDigest);

    public sealed record ReturnRequest(string? Reason, string? Remark);

    public sealed record FeedbackRequest(string? Outcome, string? PermitNumber, string? Remark);

    public sealed record RedispatchRequest(string? Department);

    public sealed record RemarkRequest(string? Remark);

    public sealed record SignRequest(string? SignatoryName);

    public static RouteGroupBuilder MapCoordinationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/coordination").WithTags("双告知 Coordination");
        MapDepartmentDesk(group);
        MapRegistrar(group);
        MapLetters(group);
        return api;
    }

    private static void MapDepartmentDesk(RouteGroupBuilder group)
    {
        group.MapGet("/inbox", async (ListPushInbox inbox, ClaimsPrincipal user, CancellationToken ct) =>
                (await inbox.HandleAsync(user.DepartmentCode(), ct)).Select(l => View(l.Push, l.CompanyName, l.ItemName, l.Light)))
            .RequireAuthorization(IdentitySetup.DepartmentDeskPolicy)
            .WithName("ListInbox").WithSummary("本部门收到的推送（待认领在前，红灯在前）");

        Answer(group, "/pushes/{id:guid}/claim", "ClaimPush", "认领推送", (Guid id, ClaimPush claim, ClaimsPrincipal user, CancellationToken ct) =>
            claim.HandleAsync(id, user.DepartmentCode(), user.ToActor(), ct));

        Answer(group, "/pushes/{id:guid}/return", "ReturnPush", "回退推送：reason 为 NotInScope、NotOurRemit 或 NotOurArea，remark 不超过500字", async (Guid id, ReturnRequest request, ReturnPush returnPush, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var reason = ApiInput.RequiredEnum<ReturnReason>(request.Reason, "reason", "NotInScope、NotOurRemit、NotOurArea");
            return reason.IsSuccess ? await returnPush.HandleAsync(id, user.DepartmentCode(), reason.Value, request.Remark, user.ToActor(), ct) : reason.Refusal;
        });

        Answer(group, "/pushes/{id:guid}/feedback", "FeedbackPush", "反馈办理结果：outcome 为 Applying、Granted（须 permitNumber）、Refused、NotNeeded（须 remark）或 Unreachable", async (Guid id, FeedbackRequest request, GiveFeedback feedback, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var outcome = ApiInput.RequiredEnum<FeedbackOutcome>(request.Outcome, "outcome", "Applying、Granted、Refused、NotNeeded、Unreachable");
            return outcome.IsSuccess ? await feedback.HandleAsync(id, user.DepartmentCode(), outcome.Value, request.PermitNumber, request.Remark, user.ToActor(), ct) : outcome.Refusal;
        });

        group.MapGet("/copies", async (ListPushCopies copies, ClaimsPrincipal user, CancellationToken ct) =>
                (await copies.HandleAsync(user.DepartmentCode(), ct)).Select(l => new CopyView(l.Copy.Id, l.Copy.PushId, l.Copy.Uscc, l.CompanyName, l.Copy.ItemCode, l.ItemName, l.ApprovingDepartment, l.LoopState, l.Copy.SentOn, l.Copy.AcknowledgedOn)))
            .RequireAuthorization(IdentitySetup.DepartmentDeskPolicy)
            .WithName("ListCopies").WithSummary("本部门收到的抄告（行业主管部门知悉）");

        group.MapPost("/copies/{id:guid}/acknowledge", async (Guid id, AcknowledgePushCopy acknowledge, ClaimsPrincipal user, CancellationToken ct) =>
                (await acknowledge.HandleAsync(id, user.DepartmentCode(), user.ToActor(), ct)).ToHttpResult(c => new AcknowledgedView(c.Id, c.AcknowledgedOn)))
            .RequireAuthorization(IdentitySetup.DepartmentDeskPolicy).RequireAuthorization(IdentitySetup.BearerOnlyPolicy).DisableAntiforgery()
            .WithName("AcknowledgeCopy").WithSummary("接收抄告").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/tracking", async (bool? includeClosed, string? department, TrackLoops track, ClaimsPrincipal user, CancellationToken ct) =>
            {
                // A department follows its own loops; those who oversee every department may pick one or see all.
                var scope = user.OverseesAllLoops() ? (string.IsNullOrWhiteSpace(department) ? null : department.Trim()) : user.DepartmentCode();
                return (await track.ListAsync(new(scope, includeClosed ?? false), ct))
                    .Select(l => new TrackedView(View(l.Push, l.CompanyName, l.ItemName, l.Light), l.WorkdaysOpen, l.DueOn, l.Overdue));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Approver, Roles.DepartmentAdmin, Roles.Regulator, Roles.Oversight, Roles.ReformOffice, Roles.Administrator))
            .WithName("TrackLoops").WithSummary("双跟踪：未闭环的推送，逾期和红灯在前");
    }

    private static void MapRegistrar(RouteGroupBuilder group)
    {
        group.MapGet("/returns", async (ListReturnedPushes returns, CancellationToken ct) =>
                (await returns.HandleAsync(ct)).Select(r => View(r.Push, r.CompanyName, r.Item.Name, null)))
            .RequireAuthorization(Roles.Regulator)
            .WithName("ListReturns").WithSummary("被回退、待登记机关改派或办结的推送");

        Answer(group, "/pushes/{id:guid}/redispatch", "RedispatchPush", "改派回退的推送到另一部门（登记机关）", (Guid id, RedispatchRequest request, RedispatchPush redispatch, ClaimsPrincipal user, CancellationToken ct) =>
            redispatch.HandleAsync(id, request.Department, user.ToActor(), ct), Roles.Regulator);

        Answer(group, "/pushes/{id:guid}/close", "ClosePush", "办结回退的推送并写明原因（登记机关）", (Guid id, RemarkRequest request, ClosePush close, ClaimsPrincipal user, CancellationToken ct) =>
            close.HandleAsync(id, request.Remark, user.ToActor(), ct), Roles.Regulator);

        group.MapGet("/statistics", async (string? from, string? to, string? by, string? format, CoordinationStatistics statistics, CancellationToken ct) =>
            {
                var start = ApiInput.Date(from, "from");
                var end = ApiInput.Date(to, "to");
                var grouping = ApiInput.OptionalEnum<StatisticsGrouping>(by, "by", "Department、Region");
                if (!start.IsSuccess || !end.IsSuccess || !grouping.IsSuccess)
                {
                    return Problems.From(start.Refusal ?? end.Refusal ?? grouping.Refusal!);
                }

                var report = await statistics.HandleAsync(new(start.Value, end.Value, grouping.Value ?? StatisticsGrouping.Department), ct);
                if (!report.IsSuccess || format is not "xlsx")
                {
                    return report.ToHttpResult();
                }

                return Results.File(await CoordinationStatistics.ToWorkbookAsync(report.Value, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"双告知统计-{start.Value:yyyyMMdd}-{end.Value:yyyyMMdd}.xlsx");
            })
            .RequireAuthorization(IdentitySetup.LoopOverseersPolicy)
            .WithName("CoordinationStatistics").WithSummary("按部门或地区统计推送、认领、回退、认领用时和闭环（format=xlsx 导出）");
    }

    private static void MapLetters(RouteGroupBuilder group)
    {
        group.MapGet("/letters", async (string? uscc, ListNotificationLetters letters, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var own = user.EnterpriseUscc();
                return (await letters.HandleAsync(uscc?.Trim().ToUpperInvariant() ?? own ?? string.Empty, user.LetterReader(), ct)).Select(Letter);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Applicant, Roles.Regulator, Roles.WindowClerk))
            .WithName("ListLetters").WithSummary("企业的告知书（申请人只能看到本企业的）");

        group.MapGet("/letters/{id:guid}", async (Guid id, GetNotificationLetter letter, ClaimsPrincipal user, CancellationToken ct) =>
                (await letter.HandleAsync(id, user.LetterReader(), ct)).ToHttpResult(Letter))
            .RequireAuthorization(p => p.RequireRole(Roles.Applicant, Roles.Regulator, Roles.WindowClerk))
            .WithName("GetLetter").WithSummary("一份告知书").ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/letters/{id:guid}/sign", async (Guid id, SignRequest request, SignNotificationLetter sign, ClaimsPrincipal user, HttpContext context, CancellationToken ct) =>
                (await sign.HandleAsync(id, user.EnterpriseUscc() ?? string.Empty, request.SignatoryName, context.Connection.RemoteIpAddress?.ToString(), user.ToActor(), ct)).ToHttpResult(Letter))
            .RequireAuthorization(Roles.Applicant).RequireAuthorization(IdentitySetup.BearerOnlyPolicy).DisableAntiforgery()
            .WithName("SignLetter").WithSummary("申请人电子签署告知书（承诺取得许可前不从事相关经营）").ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>A state-changing POST on a push: bearer token only (no cookie, so no cross-site forgery), the push view or a problem.</summary>
    private static void Answer(RouteGroupBuilder group, string pattern, string name, string summary, Delegate handler, string? role = null)
    {
        group.MapPost(pattern, handler)
            .AddEndpointFilter(async (context, next) =>
            {
                // The handlers return the use case's result; it becomes the push view or its problem here, once for all.
                var value = await next(context);
                return value is Result<Push> result ? Shape(result) : value;
            })
            .RequireAuthorization(role ?? IdentitySetup.DepartmentDeskPolicy).RequireAuthorization(IdentitySetup.BearerOnlyPolicy).DisableAntiforgery()
            .WithName(name).WithSummary(summary)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static IResult Shape(Result<Push> result) => result.ToHttpResult(p => View(p, null, null, null));

    private static PushView View(Push p, string? company, string? item, TrafficLight? light) => new(
        p.Id, p.Uscc, company ?? string.Empty, p.ItemCode, item ?? string.Empty, p.DepartmentCode, p.IndustryAuthorityCode, p.Mode.ToString(), p.PushedOn,
        p.State.ToString(), light?.ToString(), p.ReturnReason?.ToString(), p.ReturnRemark, p.RedispatchedTo, p.Outcome?.ToString(), p.PermitNumber, p.OutcomeNote, p.LoopClosedOn);

    private static LetterView Letter(NotificationLetter l) =>
        new(l.Id, l.Uscc, l.CompanyName, l.EventId, l.IssuedOn, l.Items, NotificationLetter.Undertaking, l.SignedAt, l.SignatoryName, l.SignedDigest);
}
