using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
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

    /// <summary>The login cookie's name.</summary>
    public const string AuthCookie = "zhengzhao.auth";

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

    /// <summary>The department's overview of late matters and pending extensions: its administrator and its designated heads.</summary>
    public const string DepartmentOverviewPolicy = "DepartmentOverview";

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
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                o.Events.OnMessageReceived = SessionStamps.CheckBearerAsync;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme);

        // Sign-out, a new password, a changed role, department or region and a disabled account rotate the security
        // stamp; login cookies and bearer tokens are checked against it through SessionStamps.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = IdentityRules.StampCheckInterval);
        services.AddSingleton<SessionStamps>();
        services.AddSingleton<IStampRotations>(provider => provider.GetRequiredService<SessionStamps>());

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = AuthCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Events.OnValidatePrincipal = SessionStamps.CheckCookieAsync;

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
            .AddPolicy(DepartmentOverviewPolicy, p => p.RequireAssertion(c => c.User.IsInRole(Roles.DepartmentAdmin) || c.User.IsDepartmentHead()))
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

    /// <summary>
    /// Every API 401 names the scheme to sign in with (RFC 9110 §11.6.1, RFC 6750 §3). The bearer handler says so
    /// itself, but a request without a bearer token is challenged by the cookie handler, and a use case's own 401 by
    /// no handler at all, so the header is added when the answer starts whoever made it.
    /// </summary>
    public static IApplicationBuilder UseBearerChallenges(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode == StatusCodes.Status401Unauthorized && !context.Response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.WWWAuthenticate))
                {
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>The client's address as the sign-in limits count it.</summary>
    public static string? ClientAddress(this HttpContext context) => context?.Connection.RemoteIpAddress?.ToString();

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

/// <summary>
/// Checks a login cookie's or a bearer token's security stamp against the account's, so it dies with the session it
/// came from. The account's stamp is remembered for <see cref="IdentityRules.StampCheckInterval"/> per instance, so
/// a client's every request does not read the user row; a credential whose stamp differs from the remembered one
/// makes it read again at once, so a fresh one is never refused. The use cases that rotate a stamp make this
/// instance forget it at once; other instances re-read it within the interval.
/// </summary>
public sealed class SessionStamps(TimeProvider time) : IStampRotations
{
    private readonly ConcurrentDictionary<string, (string Stamp, DateTimeOffset ReadAt)> _stamps = new(StringComparer.Ordinal);

    // Counts rotations: a read that began before one may have seen the old stamp, so it is not remembered. Checked
    // after the write, so a rotation between the check and the write cannot leave the old stamp behind.
    private long _rotations;

    public static async Task CheckBearerAsync(MessageReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        const string Prefix = "Bearer ";
        var ticket = header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? context.Options.BearerTokenProtector.Unprotect(header[Prefix.Length..].Trim()) : null;
        if (ticket is null)
        {
            return; // the handler refuses it itself
        }

        var services = context.HttpContext.RequestServices;
        if (!await services.GetRequiredService<SessionStamps>().IsCurrentAsync(ticket.Principal, services.GetRequiredService<UserManager<User>>()))
        {
            context.Fail("The session this token belongs to has ended.");
        }
    }

    /// <summary>
    /// Checks the cookie on every request; Identity's own validator then still re-issues it once a minute with fresh
    /// claims (a new display name).
    /// </summary>
    public static async Task CheckCookieAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        if (context.Principal is not { } principal
            || !await services.GetRequiredService<SessionStamps>().IsCurrentAsync(principal, services.GetRequiredService<UserManager<User>>()))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    public void Rotated(string userId)
    {
        Interlocked.Increment(ref _rotations);
        _stamps.TryRemove(userId, out _);
    }

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, UserManager<User> users)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(users);
        var userId = users.GetUserId(principal);
        var stamp = principal.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType);
        if (userId is null || stamp is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (_stamps.TryGetValue(userId, out var known) && known.Stamp == stamp && now - known.ReadAt < IdentityRules.StampCheckInterval)
        {
            return true;
        }

        var rotations = Interlocked.Read(ref _rotations);
        var current = await users.FindByIdAsync(userId) is { } user ? await users.GetSecurityStampAsync(user) : null;
        if (current is null)
        {
            _stamps.TryRemove(userId, out _);
            return false;
        }

        var read = (current, now);
        _stamps[userId] = read;
        if (Interlocked.Read(ref _rotations) != rotations)
        {
            _stamps.TryRemove(KeyValuePair.Create(userId, read));
        }

        return current == stamp;
    }
}
