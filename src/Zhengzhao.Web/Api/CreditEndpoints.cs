using System.Security.Claims;
using Zhengzhao.Common;
using Zhengzhao.Credit;
using Zhengzhao.Identity;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Api;

/// <summary>The credit record over HTTP for staff: a company's record, penalties entered by their department, late publications.</summary>
public static class CreditEndpoints
{
    public sealed record PenaltyRequest(string? DecisionNumber, string? Uscc, string? LegalBasis, string? Facts, string? Measure, decimal? Amount, string? DecidedOn);

    public sealed record EntryView(
        Guid Id, string Kind, string KindName, string Section, string Title, string Detail, string Authority, DateOnly ArisenOn, DateOnly PublishDueOn, DateOnly PublishedOn, bool PublishedLate);

    public sealed record YearReportView(int Year, DateOnly? FiledOn, string Status, string StatusName);

    public sealed record RecordView(string Uscc, string Name, string Status, IReadOnlyList<EntryView> Entries, IReadOnlyList<YearReportView> AnnualReports);

    public sealed record AnnualReportRequest(string? Uscc, int? Year, string? FiledOn);

    public sealed record AnnualReportView(Guid Id, string Uscc, int Year, DateOnly FiledOn, string Status, string StatusName, bool Replayed);

    public sealed record InspectionResultRequest(Guid InspectionId, string? Uscc, string? CheckItem, string? Outcome, string? InspectedOn, string? Note);

    public sealed record PenaltyView(Guid Id, string DecisionNumber, string Uscc, string Measure, decimal? Amount, DateOnly DecidedOn, bool Replayed, EntryView Entry);

    public sealed record BarView(string Rule, string Restriction, string RestrictionName, string Trigger, string AppliesIn, string Basis, int? RatioMultiplier, string Reason);

    public sealed record RestrictionsView(string Uscc, string Name, string? Context, IReadOnlyList<BarView> Restrictions);

    public sealed record LateView(string DepartmentCode, string Department, int Late, IReadOnlyList<EntryView> Entries);

    public static RouteGroupBuilder MapCreditEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/credit").WithTags("信用 Credit").RequireAuthorization(IdentitySetup.StaffPolicy);

        group.MapGet("/{code}/record", async (string code, GetCreditRecord get, CancellationToken ct) =>
                (await get.HandleAsync(code, ct)).ToHttpResult(r => new RecordView(
                    r.Uscc, r.Name, r.Status, [.. r.Entries.Select(View)], [.. r.AnnualReports.Select(y => new YearReportView(y.Year, y.FiledOn, y.Status.ToString(), AnnualReportRules.Name(y.Status)))])))
            .WithName("GetCreditRecord").WithSummary("企业信用记录（工作人员）：登记、备案、许可、处罚、虚假承诺，按发生日期倒序")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{code}/restrictions", async (string code, string? context, GetRestrictions get, CancellationToken ct) =>
            {
                var restriction = GetRestrictions.Context(context);
                if (context is not null && restriction is null)
                {
                    return Problems.From(new Refusal("invalid-input", "参数无效", $"context 应为 Commitment、Review 或 Inspection，或不填（全部）；输入为“{Problems.Quote(context)}”。") { Errors = new Dictionary<string, string[]> { ["context"] = ["context 应为 Commitment、Review 或 Inspection，或不填。"] } });
                }

                var result = await get.HandleAsync(code, restriction, ct);
                return result.ToHttpResult(r => new RestrictionsView(r.Uscc, r.Name, context, [.. r.Bars.Select(b => new BarView(b.Rule.Code, b.Rule.Restriction.ToString(), DisciplineRule.Name(b.Rule.Restriction), b.Rule.Trigger.ToString(), b.Rule.AppliesIn, b.Rule.Basis, b.Rule.RatioMultiplier, b.Reason))]));
            })
            .WithName("GetRestrictions").WithSummary("联合惩戒：该企业当前受到的限制（context=Commitment 告知承诺、Review 从严审查、Inspection 抽查比例），每项列明适用的规则编号、依据和理由")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/penalties", async (PenaltyRequest request, RecordPenalty record, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var measure = ApiInput.RequiredEnum<PenaltyMeasure>(request.Measure, "measure", "Warning、Fine、PermitSanction、BusinessRestriction、Other");
                var decided = ApiInput.OptionalDate(request.DecidedOn, "decidedOn");
                if ((measure.Refusal ?? decided.Refusal) is { } invalid)
                {
                    return Problems.From(invalid);
                }

                var result = await record.HandleAsync(new(request.DecisionNumber, request.Uscc, request.LegalBasis, request.Facts, measure.Value, request.Amount, decided.Value, user.DepartmentCode(), user.ToActor()), ct);
                return Saved(result, r => r.Penalty.Uscc, r => r.Replayed, r => new PenaltyView(r.Penalty.Id, r.Penalty.DecisionNumber, r.Penalty.Uscc, r.Penalty.Measure.ToString(), r.Penalty.Amount, r.Penalty.DecidedOn, r.Replayed, View(r.Entry)));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Approver, Roles.DepartmentAdmin, Roles.Inspector, Roles.Regulator))
            .RequireAuthorization(IdentitySetup.BearerOnlyPolicy)
            .WithName("RecordPenalty").WithSummary("录入本机关作出的行政处罚决定，即时记入企业信用记录；同一文号重复提交返回已录入的处罚")
            .Produces<PenaltyView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/annual-reports", async (AnnualReportRequest request, RecordAnnualReport record, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var filedOn = ApiInput.OptionalDate(request.FiledOn, "filedOn");
                if (!filedOn.IsSuccess)
                {
                    return Problems.From(filedOn.Refusal);
                }

                var result = await record.HandleAsync(new(request.Uscc, request.Year, filedOn.Value, user.DepartmentCode(), user.ToActor()), ct);
                return Saved(result, r => r.Report.Uscc, r => r.Replayed, r => new AnnualReportView(r.Report.Id, r.Report.Uscc, r.Report.Year, r.Report.FiledOn, r.Status.ToString(), AnnualReportRules.Name(r.Status), r.Replayed));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Regulator)).RequireAuthorization(IdentitySetup.BearerOnlyPolicy)
            .WithName("RecordAnnualReport").WithSummary("记录企业报送的年度报告（年报系统或市场监管部门）；同一企业同一年度重复提交返回已记录的报送")
            .Produces<AnnualReportView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/inspection-results", async (InspectionResultRequest request, RecordInspectionResult record, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var outcome = ApiInput.RequiredEnum<InspectionOutcome>(request.Outcome, "outcome", "NoProblem、ProblemRectified、InformationNotPublished、FalseDisclosure、Unreachable、NoRelevantActivity、Closed");
                var inspectedOn = ApiInput.OptionalDate(request.InspectedOn, "inspectedOn");
                if ((outcome.Refusal ?? inspectedOn.Refusal) is { } invalid)
                {
                    return Problems.From(invalid);
                }

                var result = await record.HandleAsync(new(request.InspectionId, request.Uscc, request.CheckItem, outcome.Value, inspectedOn.Value, request.Note, user.DepartmentCode(), user.ToActor()), ct);
                return Saved(result, r => r.Entry.Uscc, r => r.Replayed, r => View(r.Entry));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Inspector, Roles.Regulator, Roles.DepartmentAdmin)).RequireAuthorization(IdentitySetup.BearerOnlyPolicy)
            .WithName("RecordInspectionResult").WithSummary("公示抽查检查结果（供检查模块调用）；以检查任务编号去重")
            .Produces<EntryView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/late-publications", async (string? from, string? to, ListLatePublications list, ClaimsPrincipal user, TimeProvider time, CancellationToken ct) =>
            {
                var (start, end) = (ApiInput.OptionalDate(from, "from"), ApiInput.OptionalDate(to, "to"));
                if ((start.Refusal ?? end.Refusal) is { } invalid)
                {
                    return Problems.From(invalid);
                }

                // The oversight office sees every department; a department's head sees its own.
                var today = ChinaTime.Today(time);
                var department = user.IsInRole(Roles.Oversight) ? null : user.DepartmentCode();
                var late = await list.HandleAsync(department, start.Value ?? today.AddYears(-1), end.Value ?? today, ct);
                return late.ToHttpResult(departments => departments.Select(d => new LateView(d.Code, d.Name, d.Late, [.. d.Entries.Select(View)])));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Oversight, Roles.DepartmentAdmin))
            .WithName("ListLatePublications").WithSummary("超过 20 个工作日才公示的信用信息，按部门统计（督查室看全部，部门负责人看本部门）");
        return api;
    }

    /// <summary>A credit decision saved (201, pointing at the company's record) or sent again (200, with what was saved).</summary>
    internal static IResult Saved<T>(Result<T> result, Func<T, string> uscc, Func<T, bool> replayed, Func<T, object> view)
    {
        if (!result.IsSuccess)
        {
            return Problems.From(result.Refusal);
        }

        var value = result.Value;
        return replayed(value) ? Results.Ok(view(value)) : Results.Created($"/api/v1/credit/{uscc(value)}/record", view(value));
    }

    private static EntryView View(CreditEntry e) => new(
        e.Id, e.Kind.ToString(), CreditPublicity.Name(e.Kind), CreditPublicity.Section(e.Kind), e.Title, e.Detail, e.Authority, e.ArisenOn, e.PublishDueOn, e.PublishedOn, e.PublishedLate);
}
