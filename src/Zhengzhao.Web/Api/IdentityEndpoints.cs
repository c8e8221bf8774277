using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Zhengzhao.Identity;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Api;

public static class IdentityEndpoints
{
    public sealed record TokenRequest(string? UserName, string? Password);

    public sealed record RefreshRequest(string? RefreshToken);

    public sealed record DepartmentHeadRequest(bool? IsHead);

    public sealed record DepartmentHeadView(string UserName, string? DepartmentCode, bool IsDepartmentHead);

    public sealed record MeResponse(string UserName, string DisplayName, IReadOnlyList<string> Roles, string? Department, string? Region, string? EnterpriseUscc);

    public static RouteGroupBuilder MapIdentityEndpoints(this RouteGroupBuilder api)
    {
        var identity = api.MapGroup("/identity").WithTags("身份认证 Identity");

        // The bearer handler writes the token response itself: {tokenType, accessToken, expiresIn, refreshToken}.
        identity.MapPost("/token", async (TokenRequest request, SignIn signIn, HttpContext context, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
                {
                    return Problems.From(new("identity/missing-credentials", "参数无效", "请提供用户名（userName）和密码（password）。"));
                }

                var result = await signIn.HandleAsync(new(request.UserName, request.Password, BearerToken: true, context.ClientAddress()), ct);
                if (result.Refusal?.RetryAfter is { } wait)
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return result.IsSuccess ? Results.Empty : Problems.From(result.Refusal);
            })
            .AllowAnonymous()
            .WithName("IssueToken")
            .WithSummary("以用户名和密码换取访问令牌（Bearer）")
            .WithDescription("同一账户或同一地址连续登录失败后须等待一段时间（429，附 Retry-After），等待时间随失败次数增加。")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        identity.MapPost("/sessions/end", async (ClaimsPrincipal principal, UserManager<User> users, EndSessions endSessions, CancellationToken ct) =>
            {
                var result = await endSessions.HandleAsync(users.GetUserId(principal)!, ct);
                return result.IsSuccess ? Results.NoContent() : Problems.From(result.Refusal);
            })
            .RequireAuthorization(IdentitySetup.BearerOnlyPolicy)
            .WithName("EndSessions")
            .WithSummary("退出所有设备：本账户此前签发的所有访问令牌、刷新令牌和网页登录均失效（在处理本请求的实例上立即生效，其他实例至多 1 分钟内生效）")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        identity.MapPost("/refresh", async (RefreshRequest request, SignInManager<User> signInManager, IOptionsMonitor<BearerTokenOptions> options, TimeProvider time) =>
            {
                var ticket = string.IsNullOrEmpty(request.RefreshToken)
                    ? null
                    : options.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
                if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
                    || await signInManager.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
                {
                    return Problems.From(new("identity/invalid-refresh-token", "刷新令牌无效", "刷新令牌无效或已过期，请重新申请访问令牌。", Common.RefusalKind.Unauthenticated));
                }

                return Results.SignIn(await signInManager.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
            })
            .AllowAnonymous()
            .WithName("RefreshToken")
            .WithSummary("以刷新令牌换取新的访问令牌")
            .Produces<AccessTokenResponse>();

        identity.MapGet("/me", async (ClaimsPrincipal principal, UserManager<User> users) =>
            {
                var user = await users.GetUserAsync(principal);
                return user is null
                    ? Results.Unauthorized()
                    : Results.Ok(new MeResponse(user.UserName!, user.DisplayName, [.. await users.GetRolesAsync(user)], user.DepartmentCode, user.RegionCode, user.EnterpriseUscc));
            })
            .WithName("GetCurrentUser")
            .WithSummary("当前登录用户")
            .Produces<MeResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        identity.MapPut("/accounts/{userName}/department-head", async (string userName, DepartmentHeadRequest request, SetDepartmentHead setHead, ClaimsPrincipal principal, CancellationToken ct) =>
            {
                // Left out, the flag is refused, not read as false: a forgotten field must not clear a head.
                var isHead = ApiInput.RequiredFlag(request.IsHead, "isHead");
                return isHead.IsSuccess
                    ? (await setHead.HandleAsync(new(userName, isHead.Value, principal.ToActor()), ct)).ToHttpResult(u => new DepartmentHeadView(u.UserName!, u.DepartmentCode, u.IsDepartmentHead))
                    : Problems.From(isHead.Refusal);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.DepartmentAdmin, Roles.Administrator)).RequireAuthorization(IdentitySetup.BearerOnlyPolicy).DisableAntiforgery()
            .WithName("SetDepartmentHead").Produces<DepartmentHeadView>()
            .WithSummary("指定或取消部门负责人（isHead）：部门管理员限本部门工作人员，系统管理员不限；该账户原有登录和令牌随之失效")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
