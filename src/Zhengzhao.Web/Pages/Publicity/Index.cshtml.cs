using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Zhengzhao.Credit;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Publicity;

/// <summary>企业信用信息公示: the public's search by part of a name or by code, leading to each company's record.</summary>
[EnableRateLimiting(PublicRateLimit.Policy)]
public sealed class IndexModel(SearchPublicEnterprises search) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public SearchPublicEnterprises.Results? Results { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            return;
        }

        var found = await search.HandleAsync(Q, PageNumber, cancellationToken);
        Results = found.Value;
        Problem = found.Refusal?.Detail;
    }

    /// <summary>The name with each occurrence of the query marked (<c>&lt;mark&gt;</c>), the text encoded.</summary>
    public static IHtmlContent Highlight(string name, string query)
    {
        ArgumentNullException.ThrowIfNull(name);
        var html = new HtmlContentBuilder();
        var at = 0;
        while (!string.IsNullOrEmpty(query) && name.IndexOf(query, at, StringComparison.Ordinal) is var found and >= 0)
        {
            html.Append(name[at..found]).AppendHtml("<mark>").Append(query).AppendHtml("</mark>");
            at = found + query.Length;
        }

        return html.Append(name[at..]);
    }
}
