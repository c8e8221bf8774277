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

    public sealed record MatchView(string Code, string Name, string Type, string Status, string LegalRepresentative, string Region, DateOnly Established);

    /// <summary>A page of matches; <c>total</c> counts up to 100 and <c>capped</c> says there were more.</summary>
    public sealed record SearchView(int Total, bool Capped, int Page, int PageSize, int Pages, IReadOnlyList<MatchView> Items);

    public static RouteGroupBuilder MapPublicEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/public").WithTags("信用信息公示 Public").AllowAnonymous().RequireRateLimiting(PublicRateLimit.Policy);

        group.MapGet("/enterprises", async (string? q, int? page, SearchPublicEnterprises search, CancellationToken ct) =>
                (await search.HandleAsync(q, page ?? 1, ct)).ToHttpResult(Found))
            .WithName("SearchPublicEnterprises").WithSummary("按名称中连续的至少两个字或完整的统一社会信用代码查询企业，按代码排序分页（每页 20 条，最多计 100 条）")
            .Produces<SearchView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapGet("/enterprises/{code}", async (string code, GetPublicRecord get, CancellationToken ct) =>
                (await get.HandleAsync(code, ct)).ToHttpResult(View))
            .WithName("GetPublicEnterprise").WithSummary("企业信用信息（公开）：基础信息、年度报告，以及按栏目（行政许可、行政处罚、经营异常名录、严重违法失信名单、抽查检查结果、告知承诺履约）列出的信息")
            .Produces<CompanyView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static SearchView Found(SearchPublicEnterprises.Results r) =>
        new(r.Total, r.Capped, r.Page, SearchPublicEnterprises.PageSize, r.Pages, [.. r.Items.Select(c => new MatchView(c.Uscc, c.Name, c.Type, c.Status, c.LegalRepresentative, c.Region, c.EstablishedOn))]);

    private static CompanyView View(GetPublicRecord.PublicRecord r)
    {
        var c = r.Company;
        return new(
            c.Uscc, c.Name, c.Type, c.Status, c.LegalRepresentative, c.Region, c.EstablishedOn, c.RegisteringAuthority, c.Address, c.BusinessScope,
            [.. r.AnnualReports.Select(y => new YearView(y.Year, y.FiledOn, AnnualReportRules.Name(y.Status)))],
            r.Sections.ToDictionary(s => s.Key, s => (IReadOnlyList<EntryView>)[.. s.Value.Select(e => new EntryView(CreditPublicity.Name(e.Kind), e.Title, e.Detail, e.Authority, e.ArisenOn, e.PublishedOn))]));
    }
}
