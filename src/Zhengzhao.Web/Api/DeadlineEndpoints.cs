using System.Security.Claims;
using Zhengzhao.Deadlines;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Api;

/// <summary>The open deadlines over HTTP: a department's, a company's, or (for those who oversee) any department's.</summary>
public static class DeadlineEndpoints
{
    /// <param name="Kind">The rule's stable code, e.g. <c>licensing.committed</c>.</param>
    /// <param name="Party">Department or Company: who must act.</param>
    /// <param name="Clock">WorkingDays or CalendarDays.</param>
    /// <param name="Light">Green, Yellow or Red.</param>
    public sealed record DeadlineView(
        string Kind, string What, Guid SubjectId, string Reference, string Title, string Link, string Party, string DepartmentCode, string? Owner, string Uscc, DateOnly DueOn, string Clock, string Light);

    public static RouteGroupBuilder MapDeadlineEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/deadlines", async (string? department, int? days, ListOpenDeadlines deadlines, ClaimsPrincipal user, CancellationToken ct) =>
                (await deadlines.HandleAsync(new(department, days ?? ListOpenDeadlines.DefaultDaysAhead), user.DeadlineReader(), ct))
                .ToHttpResult(list => list.Select(View).ToList()))
            .RequireAuthorization()
            .WithTags("期限 Deadlines").WithName("ListOpenDeadlines")
            .WithSummary($"未了结的期限：逾期的和 days 天内（默认 {ListOpenDeadlines.DefaultDaysAhead}，最多 {ListOpenDeadlines.MaxDaysAhead}）到期的，先到期的在前；部门看本部门的，企业看本企业的，监管和督查可按 department 查看任一部门")
            .Produces<List<DeadlineView>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static DeadlineView View(OpenDeadline d) =>
        new(d.Kind, d.What, d.SubjectId, d.Reference, d.Title, d.Link, d.Party.ToString(), d.DepartmentCode, d.Owner, d.Uscc, d.DueOn, d.Clock.ToString(), d.Light.ToString());
}
