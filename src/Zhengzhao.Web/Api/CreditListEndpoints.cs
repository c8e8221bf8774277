using System.Security.Claims;
using Zhengzhao.Common;
using Zhengzhao.Credit;
using Zhengzhao.Identity;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Api;

/// <summary>The abnormal operations list and the serious-violation list over HTTP (listing, objections, removal, the three-year move), and credit repair.</summary>
public static class CreditListEndpoints
{
    public sealed record AbnormalRequest(string? Uscc, string? Cause, string? DecisionNumber, string? Facts, string? ListedOn);

    public sealed record SeriousRequest(string? Uscc, string? Cause, string? DecisionNumber, string? Facts, string? ListedOn, Guid? FromAbnormal);

    public sealed record TextRequest(string? Text);

    public sealed record AbnormalView(
        Guid Id, string Uscc, string EnterpriseName, string Cause, string CauseName, string DecisionNumber, string Facts, string Authority, DateOnly ListedOn, DateOnly ObjectionDeadline,
        string Objection, string ObjectionName, DateOnly? ObjectionLodgedOn, string? ObjectionReason, DateOnly? ObjectionDueOn, DateOnly? ObjectionDecidedOn, string? ObjectionAnswer,
        DateOnly? RemovedOn, string? RemovedFor, string? RemovalNote, DateOnly SeriousOn, bool Replayed = false);

    public sealed record SeriousView(
        Guid Id, string Uscc, string EnterpriseName, string Cause, string CauseName, string DecisionNumber, string Facts, string Authority, DateOnly ListedOn, DateOnly EndsOn,
        string LegalRepresentative, DateOnly RepresentativeBarEndsOn, string Remedies, Guid? FromAbnormal, DateOnly? RemovedOn, bool Replayed = false);

    public sealed record RepairRequest(string? Target, Guid TargetId, string? Statement, IReadOnlyList<Guid>? Evidence);

    public sealed record RepairDecisionRequest(bool? Approve, string? Reasons);

    public sealed record RepairView(
        Guid Id, string Uscc, string EnterpriseName, string Target, Guid TargetId, string TargetTitle, string Statement, IReadOnlyList<Guid> Evidence, DateOnly AppliedOn,
        string State, string StateName, DateOnly? DecidedOn, string? Reasons);

    public sealed record ListsView(IReadOnlyList<AbnormalView> Abnormal, IReadOnlyList<AbnormalView> Objections, IReadOnlyList<AbnormalView> DueForSerious, IReadOnlyList<SeriousView> Serious);

    public static RouteGroupBuilder MapCreditListEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/credit").WithTags("信用 Credit");
        var regulator = new[] { Roles.Regulator };

        group.MapGet("/listings", async (FindListings find, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var lists = await find.HandleAsync(user.IsInRole(Roles.Oversight) ? null : user.DepartmentCode(), ct);
                return Results.Ok(new ListsView([.. lists.Abnormal.Select(a => View(a))], [.. lists.Objections.Select(a => View(a))], [.. lists.DueForSerious.Select(a => View(a))], [.. lists.Serious.Select(s => View(s))]));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Regulator, Roles.Oversight))
            .WithName("FindListings").WithSummary("经营异常名录、待处理异议、届满三年待列入严重违法失信名单的企业、严重违法失信名单（本机关；督查室看全部）");

        group.MapPost("/abnormal-listings", async (AbnormalRequest request, ListAbnormal list, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var cause = ApiInput.RequiredEnum<AbnormalCause>(request.Cause, "cause", "AnnualReportNotFiled、InstantInformationNotPublished、FalseDisclosure、Unreachable");
                var listedOn = ApiInput.OptionalDate(request.ListedOn, "listedOn");
                if ((cause.Refusal ?? listedOn.Refusal) is { } invalid)
                {
                    return Problems.From(invalid);
                }

                var result = await list.HandleAsync(new(request.Uscc, cause.Value, request.DecisionNumber, request.Facts, listedOn.Value, user.DepartmentCode(), user.ToActor()), ct);
                return CreditEndpoints.Saved(result, r => r.Listing.Uscc, r => r.Replayed, r => View(r.Listing, r.Replayed));
            })
            .RequireAuthorization(p => p.RequireRole(regulator)).RequireAuthorization(IdentitySetup.BearerOnlyPolicy)
            .WithName("ListAbnormal").WithSummary("列入经营异常名录（市场监管部门）；同一文号重复提交返回已作出的决定")
            .Produces<AbnormalView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);

        // The company objects to its own listing; a regulator may also take an objection handed in on paper.
        group.MapPost("/abnormal-listings/{id:guid}/objection", (Guid id, TextRequest request, HandleObjection handle, ClaimsPrincipal user, CancellationToken ct) =>
                Objection(id, HandleObjection.ObjectionStep.Lodge, request, handle, user, ct))
            .RequireAuthorization(p => p.RequireRole(Roles.Applicant, Roles.Regulator)).RequireAuthorization(IdentitySetup.BearerOnlyPolicy)
            .WithName("LodgeObjection").WithSummary("对列入经营异常名录提出异议（自公示之日起 30 日内，一次）")
            .Produces<AbnormalView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/abnormal-listings/{id:guid}/objection/{step}", (Guid id, string step, TextRequest request, HandleObjection handle, ClaimsPrincipal user, CancellationToken ct) =>
                step switch
                {
                    "accept" => Objection(id, HandleObjection.ObjectionStep.Accept, request, handle, user, ct),
                    "refuse" => Objection(id, HandleObjection.ObjectionStep.Refuse, request, handle, user, ct),
                    "uphold" => Objection(id, HandleObjection.ObjectionStep.Uphold, request, handle, user, ct),
                    "dismiss" => Objection(id, HandleObjection.ObjectionStep.Dismiss, request, handle, user, ct),
                    _ => Task.FromResult(Problems.From(new Refusal("not-found", "没有这一步", $"异议处理的步骤应为 accept、refuse、uphold 或 dismiss，输入为“{Problems.Quote(step)}”。", RefusalKind.NotFound))),
                })
            .RequireAuthorization(p => p.RequireRole(regulator)).RequireAuthorization(IdentitySetup.BearerOnlyPolicy)
            .WithName("HandleObjection").WithSummary("处理异议：accept 受理、refuse 不予受理、uphold 核实成立（移出名录）、dismiss 核实不成立")
            .Produces<AbnormalView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/abnormal-listings/{id:guid}/removal", async (Guid id, TextRequest request, RemoveAbnormal remove, ClaimsPrincipal user, CancellationToken ct) =>
                (await remove.HandleAsync(new(id, request.Text, user.DepartmentCode(), user.ToActor()), ct)).ToHttpResult(l => View(l)))
            .RequireAuthorization(p => p.RequireRole(regulator)).RequireAuthorization(IdentitySetup.BearerOnlyPolicy)
            .WithName("RemoveAbnormal").WithSummary("企业已履行相关义务，移出经营异常名录（text：履行情况）")
            .Produces<AbnormalView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/serious-listings", async (SeriousRequest request, ListSerious list, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var cause = ApiInput.OptionalEnum<SeriousCause>(request.Cause, "cause", "FraudulentRegistration、RepeatedViolations、SafetyHarm、Other");
                var listedOn = ApiInput.OptionalDate(request.ListedOn, "listedOn");
                if ((cause.Refusal ?? listedOn.Refusal) is { } invalid)
                {
                    return Problems.From(invalid);
                }

                var result = await list.HandleAsync(new(request.Uscc, cause.Value, request.DecisionNumber, request.Facts, listedOn.Value, request.FromAbnormal, user.DepartmentCode(), user.ToActor()), ct);
                return CreditEndpoints.Saved(result, r => r.Listing.Uscc, r => r.Replayed, r => View(r.Listing, r.Replayed));
            })
            .RequireAuthorization(p => p.RequireRole(regulator)).RequireAuthorization(IdentitySetup.BearerOnlyPolicy)
            .WithName("ListSerious").WithSummary("列入严重违法失信名单；fromAbnormal 为届满三年的经营异常名录列入决定时，即确认移入")
            .Produces<SeriousView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/repairs", async (RepairRequest request, ApplyForRepair apply, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var target = ApiInput.RequiredEnum<RepairTarget>(request.Target, "target", "AbnormalListing、SeriousListing、CommitmentBreach、Penalty");
                if (!target.IsSuccess)
                {
                    return Problems.From(target.Refusal);
                }

                var result = await apply.HandleAsync(new(user.EnterpriseUscc() ?? string.Empty, target.Value, request.TargetId, request.Statement, request.Evidence, user.ToActor()), ct);
                return result.IsSuccess ? Results.Created($"/api/v1/credit/repairs/{result.Value.Id}", View(result.Value)) : Problems.From(result.Refusal);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Applicant)).RequireAuthorization(IdentitySetup.BearerOnlyPolicy)
            .WithName("ApplyForRepair").WithSummary("企业申请信用修复：说明履行义务的情况，附本企业上传的证明材料（evidence 为上传文件编号）")
            .Produces<RepairView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/repairs", async (FindRepairs find, ClaimsPrincipal user, CancellationToken ct) =>
                Results.Ok((await find.HandleAsync(RepairReader(user), ct)).Select(View)))
            .RequireAuthorization(p => p.RequireRole(RepairParties))
            .WithName("FindRepairs").WithSummary("信用修复申请：企业看本企业的，部门看由本机关审核的（待审核在前）");

        group.MapGet("/repairs/{id:guid}/evidence/{uploadId:guid}", async (Guid id, Guid uploadId, OpenRepairEvidence open, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var opened = await open.OpenAsync(id, uploadId, RepairReader(user), ct);
                return opened.IsSuccess ? Results.File(opened.Value.Content, opened.Value.ContentType, opened.Value.FileName) : Problems.From(opened.Refusal);
            })
            .RequireAuthorization(p => p.RequireRole(RepairParties))
            .WithName("OpenRepairEvidence").WithSummary("查看信用修复申请的证明材料");

        group.MapPost("/repairs/{id:guid}/decision", async (Guid id, RepairDecisionRequest request, DecideRepair decide, ClaimsPrincipal user, CancellationToken ct) =>
                request.Approve is not { } approve
                    ? Problems.From(new Refusal("invalid-input", "参数无效", "请说明是否准予修复（approve 为 true 或 false）。") { Errors = new Dictionary<string, string[]> { ["approve"] = ["请说明是否准予修复。"] } })
                    : (await decide.HandleAsync(new(id, approve, request.Reasons, user.DepartmentCode(), user.ToActor()), ct)).ToHttpResult(View))
            .RequireAuthorization(p => p.RequireRole(Deciders)).RequireAuthorization(IdentitySetup.BearerOnlyPolicy)
            .WithName("DecideRepair").WithSummary("审核信用修复申请：准予（即时移出名单、解除限制或停止公示）或不予修复，均须说明理由")
            .Produces<RepairView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <summary>Who decides a repair: the department behind the entry, through its approvers, its head or the regulator.</summary>
    private static readonly string[] Deciders = [Roles.Regulator, Roles.DepartmentAdmin, Roles.Approver];

    private static readonly string[] RepairParties = [Roles.Applicant, .. Deciders];

    private static FindRepairs.Reader RepairReader(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Applicant) ? new(null, user.EnterpriseUscc() ?? string.Empty) : new(user.DepartmentCode(), null);

    private static RepairView View(CreditRepair r) => new(
        r.Id, r.Uscc, r.EnterpriseName, r.Target.ToString(), r.TargetId, r.TargetTitle, r.Statement, r.Evidence, r.AppliedOn, r.State.ToString(), RepairRules.Name(r.State), r.DecidedOn, r.Reasons);

    private static async Task<IResult> Objection(Guid id, HandleObjection.ObjectionStep step, TextRequest request, HandleObjection handle, ClaimsPrincipal user, CancellationToken ct)
    {
        var company = user.IsInRole(Roles.Applicant) ? user.EnterpriseUscc() ?? string.Empty : null;
        var result = await handle.HandleAsync(new(id, step, request.Text, new(company, company is null ? user.DepartmentCode() : null, user.ToActor())), ct);
        return result.ToHttpResult(l => View(l));
    }

    private static AbnormalView View(AbnormalListing l, bool replayed = false) => new(
        l.Id, l.Uscc, l.EnterpriseName, l.Cause.ToString(), AbnormalListRules.Name(l.Cause), l.DecisionNumber, l.Facts, l.Authority, l.ListedOn, l.ObjectionDeadline,
        l.Objection.ToString(), AbnormalListRules.Name(l.Objection), l.ObjectionLodgedOn, l.ObjectionReason, l.ObjectionDueOn, l.ObjectionDecidedOn, l.ObjectionAnswer,
        l.RemovedOn, l.RemovedFor?.ToString(), l.RemovalNote, AbnormalListRules.SeriousOn(l.ListedOn), replayed);

    private static SeriousView View(SeriousListing s, bool replayed = false) => new(
        s.Id, s.Uscc, s.EnterpriseName, s.Cause.ToString(), SeriousListRules.Name(s.Cause), s.DecisionNumber, s.Facts, s.Authority, s.ListedOn, s.EndsOn,
        s.LegalRepresentative, s.RepresentativeBarEndsOn, s.Remedies, s.AbnormalListingId, s.RemovedOn, replayed);
}
