using System.Security.Claims;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Api;

/// <summary>
/// 许可证 over HTTP: the public status check (by number or by the QR code's token), the permits a caller may see,
/// and the issuing department's revocation, cancellation and change, each from the revision the officer saw.
/// </summary>
public static class PermitEndpoints
{
    public sealed record PermitDetail(
        Guid Id, string Number, string Kind, string PermitName, string Uscc, string HolderName, string ItemCode, int ItemVersion, string ItemName, string Scope,
        string Department, string DepartmentName, Guid? ApplicationId, DateOnly IssuedOn, DateOnly ValidFrom, DateOnly? ValidTo, string Status, string State,
        PermitEnding? Ending, int TextVersion, int Revision, IReadOnlyList<PermitEdition> History, string VerificationUrl);

    public sealed record EndRequest(string? Reason, int? Revision);

    public sealed record ChangeRequest(string? HolderName, string? Scope, string? Reason, int? Revision);

    public static RouteGroupBuilder MapPermitEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/permits").WithTags("许可证 Permits");

        group.MapGet("/verify/{token}", async (string token, VerifyPermit verify, CancellationToken ct) =>
                (await verify.ByTokenAsync(token, ct)).ToHttpResult())
            .AllowAnonymous().RequireRateLimiting(PublicRateLimit.Policy)
            .WithName("VerifyPermitByToken").WithSummary("扫码核验：证照二维码中的核验码对应的证照及其当前状态（公开，不含个人信息）").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapGet("/{number}", async (string number, VerifyPermit verify, CancellationToken ct) =>
                (await verify.ByNumberAsync(number, ct)).ToHttpResult())
            .AllowAnonymous().RequireRateLimiting(PublicRateLimit.Policy)
            .WithName("VerifyPermitByNumber").WithSummary("按证号核验证照的当前状态（公开，不含个人信息）").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapGet("/", async (string? number, FindPermits find, VerifyPermit verify, PermitLinks links, HttpContext context, CancellationToken ct) =>
                context.User.PermitScope() is { } scope
                    ? Results.Ok((await find.ListAsync(scope, number, ct)).Select(v => Detail(v, verify, links, context.Request)))
                    : Results.Forbid())
            .WithName("ListPermits").WithSummary("调用者可见的证照：申请人仅本企业的，部门人员本部门发的，登记机关和督查室全部；number 按证号筛选");

        group.MapGet("/{number}/detail", async (string number, FindPermits find, VerifyPermit verify, PermitLinks links, HttpContext context, CancellationToken ct) =>
                context.User.PermitScope() is { } scope
                    ? (await find.GetAsync(number, scope, ct)).ToHttpResult(v => Detail(v, verify, links, context.Request))
                    : Results.Forbid())
            .WithName("GetPermit").WithSummary("一份证照的全部内容和变更历史（他人企业的证照为 404）").ProducesProblem(StatusCodes.Status404NotFound);

        Act(group, "/{number}/revoke", "RevokePermit", "撤销证照：须写明 reason；revision 为操作时看到的版本，已变化则 409", (string number, EndRequest request, RevokePermit revoke, ClaimsPrincipal user, CancellationToken ct) =>
            revoke.HandleAsync(new(number, request.Reason, request.Revision, user.DepartmentCode(), user.ToActor()), ct));

        Act(group, "/{number}/cancel", "CancelPermit", "注销证照（持证人申请、企业注销或有效期届满未延续）：须写明 reason", (string number, EndRequest request, CancelPermit cancel, ClaimsPrincipal user, CancellationToken ct) =>
            cancel.HandleAsync(new(number, request.Reason, request.Revision, user.DepartmentCode(), user.ToActor()), ct));

        Act(group, "/{number}/change", "ChangePermit", "变更证照的持证人名称或许可范围：证号不变，生成新版本并保留历史", (string number, ChangeRequest request, ChangePermit change, ClaimsPrincipal user, CancellationToken ct) =>
            change.HandleAsync(new(number, request.HolderName, request.Scope, request.Reason, request.Revision, user.DepartmentCode(), user.ToActor()), ct));
        return api;
    }

    /// <summary>A state-changing POST: the issuing department's staff, bearer token only (no cookie, so no cross-site forgery).</summary>
    private static void Act(RouteGroupBuilder group, string pattern, string name, string summary, Delegate handler)
    {
        group.MapPost(pattern, handler)
            .AddEndpointFilter(async (context, next) =>
            {
                // The handlers return the use case's result; it becomes the permit's detail or its problem here, once for all.
                var value = await next(context);
                if (value is not Result<Permit> result)
                {
                    return value;
                }

                if (!result.IsSuccess)
                {
                    return Problems.From(result.Refusal!);
                }

                var services = context.HttpContext.RequestServices;
                var view = await services.GetRequiredService<FindPermits>().GetAsync(result.Value!.Id, PermitScope.Everyone, context.HttpContext.RequestAborted);
                return view.ToHttpResult(v => Detail(v, services.GetRequiredService<VerifyPermit>(), services.GetRequiredService<PermitLinks>(), context.HttpContext.Request));
            })
            .RequireAuthorization(IdentitySetup.DepartmentDeskPolicy).RequireAuthorization(IdentitySetup.BearerOnlyPolicy).DisableAntiforgery()
            .WithName(name).WithSummary(summary)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static PermitDetail Detail(PermitView view, VerifyPermit verify, PermitLinks links, HttpRequest request)
    {
        var p = view.Permit;
        return new(
            p.Id, p.Number, p.Kind.ToString(), p.PermitName, p.Uscc, p.HolderName, p.ItemCode, p.ItemVersion, p.ItemName, p.Scope,
            p.DepartmentCode, view.DepartmentName, p.ApplicationId, p.IssuedOn, p.ValidFrom, p.ValidTo, p.Status.ToString(), view.State.ToString(),
            p.Ending, p.TextVersion, p.Revision, p.History, links.VerificationUrl(request, verify.TokenFor(p.Id)));
    }
}
