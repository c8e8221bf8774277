using System.Security.Claims;
using Zhengzhao.Identity;

namespace Zhengzhao.Web.Hosting;

/// <summary>The menu each visitor sees: public services for all, then the work of each role the user holds.</summary>
public static class Navigation
{
    public sealed record Link(string Text, string Path);

    private static readonly Link[] Public =
    [
        new("Home", "/"),
        new("Catalogue", "/Catalog"),
        new("Permits I need", "/Services/Scope"),
        new("Credit code check", "/Services/Uscc"),
        new("Working-day calendar", "/Services/Calendar"),
        new("Verify a permit", "/Verify"),
        new("Credit publicity", "/Publicity"),
        new("API reference", "/api/docs/"),
    ];

    private static readonly Dictionary<string, Link[]> ByRole = new()
    {
        [Roles.Applicant] = [new("My enterprise", "/Workbench"), new("My applications", "/Licensing"), new("My permits", "/Permits"), new("Appointments", "/Appointments"), new("My credit", "/Credit/Repairs")],
        [Roles.WindowClerk] = [new("Service hall desk", "/Workbench"), new("Applications to receive", "/Licensing"), new("Today's appointments", "/Appointments/Today")],
        [Roles.Approver] = [new("Approval desk", "/Workbench"), new("Applications to review", "/Licensing"), new("Verifications", "/Licensing/Verifications"), new("Permits issued", "/Permits"), new("Pushes to claim", "/Coordination/Inbox"), new("Loop tracking", "/Coordination/Tracking"), new("Penalties", "/Credit/Penalties"), new("Credit repairs", "/Credit/Repairs")],
        [Roles.DepartmentAdmin] =
        [
            new("Department desk", "/Workbench"),
            new("Department staff", "/Workbench/Staff"),
            new("Applications to review", "/Licensing"),
            new("Overdue and extensions", "/Licensing/Overview"),
            new("Verifications", "/Licensing/Verifications"),
            new("Permits issued", "/Permits"),
            new("Pushes to claim", "/Coordination/Inbox"),
            new("Copies received", "/Coordination/Copies"),
            new("Loop tracking", "/Coordination/Tracking"),
            new("Webhook endpoint", "/Coordination/Webhook"),
            new("Webhook deliveries", "/Coordination/Deliveries"),
            new("Service halls and slots", "/Appointments/Halls"),
            new("Penalties", "/Credit/Penalties"),
            new("Credit repairs", "/Credit/Repairs"),
            new("Late publications", "/Credit/Late"),
        ],
        [Roles.Regulator] =
        [
            new("Market regulation desk", "/Workbench"),
            new("Enterprise register", "/Registry"),
            new("Permits", "/Permits"),
            new("Returned pushes", "/Coordination/Returns"),
            new("Loop tracking", "/Coordination/Tracking"),
            new("Notification statistics", "/Coordination/Statistics"),
            new("Credit records", "/Credit/Record"),
            new("Credit lists", "/Credit/Lists"),
            new("Credit repairs", "/Credit/Repairs"),
            new("Penalties", "/Credit/Penalties"),
        ],
        [Roles.Inspector] = [new("Inspection desk", "/Workbench"), new("Penalties", "/Credit/Penalties")],
        [Roles.Oversight] = [new("Oversight desk", "/Workbench"), new("Loop tracking", "/Coordination/Tracking"), new("Notification statistics", "/Coordination/Statistics"), new("Credit records", "/Credit/Record"), new("Credit lists", "/Credit/Lists"), new("Late publications", "/Credit/Late"), new("Audit trail", "/Audit")],
        [Roles.ReformOffice] = [new("Reform office desk", "/Workbench"), new("Item management", "/ReformOffice/Items"), new("Notification statistics", "/Coordination/Statistics")],
        [Roles.Administrator] =
        [
            new("Administration", "/Workbench"),
            new("Accounts", "/Admin/Accounts"),
            new("Departments", "/Admin/Departments"),
            new("Regions", "/Admin/Regions"),
            new("Calendar", "/Admin/Calendar"),
            new("Webhook endpoint", "/Coordination/Webhook"),
            new("Webhook deliveries", "/Coordination/Deliveries"),
            new("Audit trail", "/Audit"),
        ],
    };

    /// <summary>What a department head (部门负责人, a person, not a role) sees beyond the links of their role.</summary>
    private static readonly Link[] Head = [new("Overdue and extensions", "/Licensing/Overview")];

    public static IReadOnlyList<Link> PublicLinks => Public;

    /// <summary>The links of the user's roles, and a head's, each once, in the order the roles are listed.</summary>
    public static IReadOnlyList<Link> WorkLinks(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Roles.All.Where(r => user.IsInRole(r.Name))
            .SelectMany(r => ByRole[r.Name])
            .Concat(user.IsDepartmentHead() ? Head : [])
            .DistinctBy(l => l.Path)
            .ToList();
    }
}
