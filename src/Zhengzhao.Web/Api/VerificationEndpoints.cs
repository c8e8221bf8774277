using System.Security.Claims;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Licensing.Verifications;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Api;

/// <summary>核查 over HTTP: the department's queue (commitments, sampled filings) and the conclusion of one.</summary>
public static class VerificationEndpoints
{
    public sealed record ConclusionRequest(string? Outcome, string? Findings, IReadOnlyList<Guid>? Attachments);

    public sealed record VerificationView(
        Guid Id, string Kind, string KindName, string PermitNumber, string Uscc, string HolderName, string ItemCode, string ItemName, DateOnly CreatedOn, DateOnly DueOn,
        bool Overdue, string? Outcome, string? Findings, IReadOnlyList<Guid> Attachments, string? CheckedBy, DateOnly? CheckedOn, int Revision);

    public sealed record WorklistView(IReadOnlyList<VerificationView> Open, IReadOnlyList<VerificationView> Concluded);

    public static RouteGroupBuilder MapVerificationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/licensing/verifications").WithTags("核查 Verification").RequireAuthorization(IdentitySetup.DepartmentDeskPolicy);

        group.MapGet("/", async (FindVerifications find, ClaimsPrincipal user, TimeProvider time, CancellationToken ct) =>
            {
                var worklist = await find.ForDepartmentAsync(user.DepartmentCode(), ct);
                var today = ChinaTime.Today(time);
                return new WorklistView([.. worklist.Open.Select(v => View(v, today))], [.. worklist.Concluded.Select(v => View(v, today))]);
            })
            .WithName("ListVerifications").WithSummary("本部门的核查任务：待核查（按到期日）和最近办结的");

        group.MapGet("/{id:guid}", async (Guid id, FindVerifications find, ClaimsPrincipal user, TimeProvider time, CancellationToken ct) =>
                (await find.GetAsync(id, user.DepartmentCode(), ct)).ToHttpResult(v => View(v, ChinaTime.Today(time))))
            .WithName("GetVerification").WithSummary("一项核查任务").ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/conclusion", async (Guid id, ConclusionRequest request, ConcludeVerification conclude, ClaimsPrincipal user, TimeProvider time, CancellationToken ct) =>
            {
                var outcome = ApiInput.RequiredEnum<VerificationOutcome>(request.Outcome, "outcome", "Consistent、False");
                if (!outcome.IsSuccess)
                {
                    return Problems.From(outcome.Refusal!);
                }

                var result = await conclude.HandleAsync(new(id, outcome.Value, request.Findings, request.Attachments ?? [], user.DepartmentCode(), user.ToActor()), ct);
                return result.ToHttpResult(v => View(v, ChinaTime.Today(time)));
            })
            .RequireAuthorization(IdentitySetup.BearerOnlyPolicy).DisableAntiforgery()
            .WithName("ConcludeVerification").WithSummary("核查结论：相符（办结）或不实（撤销证照；告知承诺的记入虚假承诺）")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static VerificationView View(Verification v, DateOnly today) => new(
        v.Id, v.Kind.ToString(), VerificationTerms.Name(v.Kind), v.PermitNumber, v.Uscc, v.HolderName, v.ItemCode, v.ItemName, v.CreatedOn, v.DueOn,
        v.IsOverdue(today), v.Outcome?.ToString(), v.Findings, v.Attachments, v.CheckedBy, v.CheckedOn, v.Revision);
}
