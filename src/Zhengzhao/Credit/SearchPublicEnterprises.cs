using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Credit;

/// <summary>
/// The public portal's search (企业信用信息公示): by any part of the name of two characters or more, or by the exact
/// code, a page of the register's public facts at a time, each leading to the company's record.
/// </summary>
public sealed class SearchPublicEnterprises(ZhengzhaoDbContext db) : IUseCase
{
    public const int PageSize = 20;

    /// <summary>
    /// How many matches are counted and paged through (five pages); a fuller name finds the rest. The index stops
    /// reading postings there, so this bounds a common query's cost too (ADRs 22, 23).
    /// </summary>
    public const int MatchCap = 100;

    /// <summary>The matches of <see cref="Query"/>; <see cref="Capped"/> when there were more than <see cref="MatchCap"/>.</summary>
    public sealed record Results(string Query, IReadOnlyList<GetPublicRecord.Basics> Items, int Total, bool Capped, int Page, int Pages);

    public async Task<Result<Results>> HandleAsync(string? query, int page, CancellationToken cancellationToken = default)
    {
        var found = await NameIndex.SearchAsync(db, query, page, PageSize, MatchCap, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Refusal;
        }

        var matches = found.Value;
        var items = await GetPublicRecord.BasicsAsync(db, matches.Codes, cancellationToken);
        return new Results(query!.Trim(), items, matches.Total, matches.Capped, matches.Page, matches.Pages);
    }
}
