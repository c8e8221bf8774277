using Zhengzhao.Credit;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Api;

/// <summary>The public credit portal over HTTP: open to anyone, within the fair-use limit, and never personal data.</summary>
public static class PublicEndpoints
{
    public sealed record EntryView(string Kind, string Title, string Detail, string Authority, DateOnly ArisenOn, DateOnly PublishedOn);

    public sealed record YearView(int Year, DateOnly? FiledOn, string Status);

    public sealed record CompanyView(
        string Code, string Name, string Type, string Status, string LegalRepresentative, string Region, DateOnly Established, string RegisteringAuthority, string Address, string BusinessScope,
        IReadOnlyList<YearView> AnnualReports, IReadOnlyDictionary<string, IReadOnlyList<EntryView>> Sections);

    public static RouteGroupBuilder MapPublicEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/public").WithTags("信用信息公示 Public").AllowAnonymous().RequireRateLimiting(PublicRateLimit.Policy);

        group.MapGet("/enterprises/{code}", async (string code, GetPublicRecord get, CancellationToken ct) =>
                (await get.HandleAsync(code, ct)).ToHttpResult(View))
            .WithName("GetPublicEnterprise").WithSummary("企业信用信息（公开）：基础信息、年度报告，以及按栏目（行政许可、行政处罚、经营异常名录、严重违法失信名单、抽查检查结果、告知承诺履约）列出的信息")
            .Produces<CompanyView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static CompanyView View(GetPublicRecord.PublicRecord r)
    {
        var c = r.Company;
        return new(
            c.Uscc, c.Name, c.Type, c.Status, c.LegalRepresentative, c.Region, c.EstablishedOn, c.RegisteringAuthority, c.Address, c.BusinessScope,
            [.. r.AnnualReports.Select(y => new YearView(y.Year, y.FiledOn, AnnualReportRules.Name(y.Status)))],
            r.Sections.ToDictionary(s => s.Key, s => (IReadOnlyList<EntryView>)[.. s.Value.Select(e => new EntryView(CreditPublicity.Name(e.Kind), e.Title, e.Detail, e.Authority, e.ArisenOn, e.PublishedOn))]));
    }
}
