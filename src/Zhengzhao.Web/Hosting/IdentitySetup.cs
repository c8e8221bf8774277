using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;

namespace Zhengzhao.Web.Hosting;

public static class IdentitySetup
{
    /// <summary>Picks the bearer handler when the request carries a bearer token, the login cookie otherwise.</summary>
    public const string CookieOrBearer = "CookieOrBearer";

    /// <summary>Any signed-in civil servant, whatever the role.</summary>
    public const string StaffPolicy = "Staff";

    /// <summary>
    /// For API writes: a system's bearer token only. The login cookie would make them forgeable from another page
    /// of the same site, since JSON endpoints carry no antiforgery token.
    /// </summary>
    public const string BearerOnlyPolicy = "BearerOnly";

    /// <summary>The audit trail is read by the administrator and by the oversight office.</summary>
    public const string AuditReadersPolicy = "AuditReaders";

    /// <summary>An approving department's desk: its approvers and its administrator answer pushes.</summary>
    public const string DepartmentDeskPolicy = "DepartmentDesk";

    /// <summary>Those who follow every department's loops: the registrar, the oversight office, the reform office, administrators.</summary>
    public const string LoopOverseersPolicy = "LoopOverseers";

    public static IServiceCollection AddZhengzhaoIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<User, IdentityRole>(IdentityRules.Apply)
            .AddEntityFrameworkStores<ZhengzhaoDbContext>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddClaimsPrincipalFactory<ZhengzhaoClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearer;
                o.DefaultAuthenticateScheme = CookieOrBearer;
                o.DefaultChallengeScheme = CookieOrBearer;
                o.DefaultForbidScheme = CookieOrBearer;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme);

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "zhengzhao.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";

            // The API answers 401/403 problem details; only pages redirect to the login form.
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "zhengzhao.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        // Keys in the database, so every instance behind the load balancer reads the others' cookies and tokens.
        services.AddDataProtection()
            .SetApplicationName("Zhengzhao")
            .PersistKeysToDbContext<ZhengzhaoDbContext>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(StaffPolicy, p => p.RequireRole(Roles.All.Where(r => r.IsStaff).Select(r => r.Name)))
            .AddPolicy(AuditReadersPolicy, p => p.RequireRole(Roles.Administrator, Roles.Oversight))
            .AddPolicy(DepartmentDeskPolicy, p => p.RequireRole(Roles.Approver, Roles.DepartmentAdmin))
            .AddPolicy(LoopOverseersPolicy, p => p.RequireRole(Roles.Regulator, Roles.Oversight, Roles.ReformOffice, Roles.Administrator))
            .AddPolicy(BearerOnlyPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
        services.AddAuthorization(o =>
        {
            foreach (var role in Roles.All)
            {
                o.AddPolicy(role.Name, p => p.RequireRole(role.Name));
            }
        });

        services.Configure<BootstrapAdministrator>(configuration.GetSection("Bootstrap:Administrator"));
        return services;
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (Problems.IsApi(context.Request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
