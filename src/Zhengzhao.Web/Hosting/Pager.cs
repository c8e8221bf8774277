using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;

namespace Zhengzhao.Web.Hosting;

/// <summary>The previous and next links under a paged list (<c>_Pager</c>): the page shown, how many there are, and each page's address.</summary>
public sealed record Pager(int Number, int Count, Func<int, string> Link)
{
    /// <summary>The address of one page of a search box's results: the query as <c>q</c>, the page as <c>p</c>.</summary>
    public static Func<int, string> Search(string? query) => number =>
        new QueryBuilder { { "q", query ?? string.Empty }, { "p", number.ToString(CultureInfo.InvariantCulture) } }.ToQueryString().ToUriComponent();
}
