using Zhengzhao.Coordination;
using Zhengzhao.Registry;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Api;

public static class ScopeEndpoints
{
    public sealed record ScopeRequest(string? BusinessScope, string? EnterpriseType, string? Region);

    public sealed record NeededItem(string Code, string Name, string Department, string DepartmentCode, string Mode, string Catalog, string Matched);

    public sealed record ScopeResponse(IReadOnlyList<NeededItem> Items);

    public static RouteGroupBuilder MapScopeEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/scope-analysis", async (ScopeRequest request, AnalyseScope analyse, CancellationToken ct) =>
            {
                EnterpriseType? type = Enum.TryParse<EnterpriseType>(request.EnterpriseType, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(request.EnterpriseType![0]) ? parsed : null;
                var result = await analyse.HandleAsync(new(request.BusinessScope, type, request.Region?.Trim()), ct);
                return result.ToHttpResult(a => new ScopeResponse([.. a.Items.Select(i => new NeededItem(i.Code, i.Name, i.Department, i.DepartmentCode, i.Mode.ToString(), i.Kind.ToString().ToLowerInvariant(), i.Matched))]));
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithTags("经营范围分析 Scope analysis")
            .WithName("AnalyseScope")
            .WithSummary("经营范围需要办理哪些许可：按经营范围文本、企业类型和区划匹配现行事项目录")
            .Produces<ScopeResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }
}
