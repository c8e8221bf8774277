using Zhengzhao.Registry;

namespace Zhengzhao.Web.Api;

public static class UsccEndpoints
{
    public sealed record UsccResponse(string Code, bool Valid, string? Reason, string? Department, string? Category, string? Region);

    public static RouteGroupBuilder MapUsccEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/uscc/{code}", (string code) => Describe(Uscc.Check(code)))
            .WithTags("统一社会信用代码 USCC")
            .WithName("CheckUscc")
            .WithSummary("校验统一社会信用代码（GB 32100-2015）；无效时 valid 为 false 并说明原因")
            .AllowAnonymous()
            .Produces<UsccResponse>();
        return api;
    }

    public static UsccResponse Describe(UsccCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return check.Code is { } code
            ? new UsccResponse(code.Value, true, null, code.DepartmentName, code.CategoryName, code.RegionCode)
            : new UsccResponse(check.Normalised, false, check.Reason, null, null, null);
    }
}
