using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Filters;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;

namespace Zhengzhao.Web.Hosting;

/// <summary>Keeps a user on the change-password page until the one-time password is replaced.</summary>
public sealed class PasswordChangeGate : IAsyncPageFilter
{
    private static readonly string[] Open = ["/Account/ChangePassword", "/Account/Logout", "/Error", "/StatusCode"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var page = context.ActionDescriptor.ViewEnginePath;
        if (context.HttpContext.User.HasClaim(ZhengzhaoClaims.MustChangePassword, "true") && !Open.Contains(page, StringComparer.OrdinalIgnoreCase))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectToPageResult("/Account/ChangePassword", new { first = true });
            return Task.CompletedTask;
        }

        return next();
    }
}

public static class OneTimePasswordGate
{
    /// <summary>
    /// The API's side of the gate: a session still on its one-time password gets 403 from every API call but the
    /// token endpoints, as pages send it to the change-password form.
    /// </summary>
    public static IApplicationBuilder UseOneTimePasswordGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (Problems.IsApi(context.Request)
                && !context.Request.Path.StartsWithSegments("/api/v1/identity", StringComparison.OrdinalIgnoreCase)
                && context.User.HasClaim(ZhengzhaoClaims.MustChangePassword, "true"))
            {
                await Problems.From(new Refusal("identity/password-change-required", "须先修改一次性密码", "该账户仍在使用一次性密码，请先在网页登录并修改密码。", RefusalKind.Forbidden)).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
}

public static class PrincipalExtensions
{
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Actor(user.Identity?.Name ?? throw new InvalidOperationException("An anonymous user cannot act."));
    }

    /// <summary>The officer's own department; empty for users bound to none, who then match no department's rows.</summary>
    public static string DepartmentCode(this ClaimsPrincipal user) => user?.FindFirst(ZhengzhaoClaims.Department)?.Value ?? string.Empty;

    /// <summary>The window a clerk works at: its department and region.</summary>
    public static Licensing.Appointments.Window Window(this ClaimsPrincipal user) => new(user.DepartmentCode(), user?.FindFirst(ZhengzhaoClaims.Region)?.Value);

    /// <summary>Whether the user follows every department's loops (双跟踪), rather than only its own department's.</summary>
    public static bool OverseesAllLoops(this ClaimsPrincipal user) =>
        user is not null && (user.IsInRole(Roles.Regulator) || user.IsInRole(Roles.Oversight) || user.IsInRole(Roles.ReformOffice) || user.IsInRole(Roles.Administrator));

    /// <summary>Whose notification letters the user reads: its company's, its window region's companies', or (the registrar) any.</summary>
    public static Coordination.LetterReader LetterReader(this ClaimsPrincipal user) =>
        new(user.EnterpriseUscc(), user.IsInRole(Roles.WindowClerk) ? user?.FindFirst(ZhengzhaoClaims.Region)?.Value : null);

    /// <summary>
    /// Whose open deadlines the user reads: every department's (those who oversee), its department's (those who work
    /// its matters: approvers, window clerks with their window's, the department's administrator), or its company's.
    /// An inspector's work is the inspection plan, not these.
    /// </summary>
    public static Deadlines.ListOpenDeadlines.Reader DeadlineReader(this ClaimsPrincipal user)
    {
        var worksMatters = user.IsInRole(Roles.Approver) || user.IsInRole(Roles.WindowClerk) || user.IsInRole(Roles.DepartmentAdmin) || user.IsInRole(Roles.Regulator);
        return new(worksMatters && user.DepartmentCode() is { Length: > 0 } department ? department : null, user.EnterpriseUscc(), user.OverseesAllLoops())
        {
            WindowRegion = user.IsInRole(Roles.WindowClerk) ? user.FindFirst(ZhengzhaoClaims.Region)?.Value : null,
        };
    }

    /// <summary>Whose applications the user reads: its company's, its window region's, or its department's.</summary>
    public static Licensing.FindApplications.Reader ApplicationReader(this ClaimsPrincipal user) =>
        new(user.EnterpriseUscc(), user.DepartmentCode(), user.IsInRole(Roles.WindowClerk) ? user.FindFirst(ZhengzhaoClaims.Region)?.Value : null);

    /// <summary>The mailboxes the user reads: its own, and an applicant its company's.</summary>
    public static IReadOnlyList<string> Mailboxes(this ClaimsPrincipal user) => Notifications.Mailboxes.Of(user.ToActor().UserName, user.EnterpriseUscc());

    /// <summary>The user as an officer acting on an application.</summary>
    public static Licensing.Officer Officer(this ClaimsPrincipal user) =>
        new(user.ToActor(), user.DepartmentCode(), user.FindFirst(ZhengzhaoClaims.Region)?.Value, user.IsInRole(Roles.WindowClerk));

    /// <summary>Whether the account was designated its department's head when it signed in: pages offer the head's actions by it; the use cases check the account itself.</summary>
    public static bool IsDepartmentHead(this ClaimsPrincipal user) => user?.HasClaim(ZhengzhaoClaims.DepartmentHead, "true") ?? false;

    /// <summary>The code of the company an applicant account acts for; null for staff.</summary>
    public static string? EnterpriseUscc(this ClaimsPrincipal user) => user?.FindFirst(ZhengzhaoClaims.Enterprise)?.Value;

    /// <summary>
    /// Whose permits the user reads: the registrar and the oversight office every one, a department's staff their
    /// department's, an applicant its company's; null for anyone else.
    /// </summary>
    public static PermitScope? PermitScope(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(Roles.Regulator) || user.IsInRole(Roles.Oversight))
        {
            return Licensing.PermitScope.Everyone;
        }

        if (user.IsInRole(Roles.Approver) || user.IsInRole(Roles.DepartmentAdmin) || user.IsInRole(Roles.WindowClerk))
        {
            return new(null, user.DepartmentCode(), user.ApplicationReader().WindowRegion);
        }

        return user.IsInRole(Roles.Applicant) ? new(user.EnterpriseUscc() ?? string.Empty, null) : null;
    }
}
