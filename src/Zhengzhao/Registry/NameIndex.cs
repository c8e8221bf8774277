using System.Text;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Registry;

/// <summary>One pair of adjacent characters in an enterprise's name: a posting of the name index.</summary>
public sealed class NameGram
{
    private NameGram()
    {
        Gram = Uscc = string.Empty;
    }

    public NameGram(string gram, string uscc)
    {
        Gram = gram;
        Uscc = uscc;
    }

    public string Gram { get; private set; }

    public string Uscc { get; private set; }
}

/// <summary>
/// One page of the codes whose names contain a fragment, in code order; how many there are, counted up to a cap;
/// and the page number, kept within the pages there are.
/// </summary>
public sealed record NameMatches(IReadOnlyList<string> Codes, int Total, bool Capped, int Page, int Pages);

/// <summary>
/// The register's name index: every pair of adjacent characters of every name, keyed (pair, code), so that a search
/// by any part of a name reads postings instead of scanning the register (ADR 22). Chinese names have no word breaks
/// and people search with two characters as often as with more, so the pair is the unit: a two-character query is one
/// key range, read in code order; a longer one is read through its rarest pair, checked against the next two rarest
/// and then against the name itself. Characters are Unicode scalars, as SQLite's and PostgreSQL's <c>substr</c> count them.
/// </summary>
public static class NameIndex
{
    /// <summary>The shortest fragment the index can answer: one pair.</summary>
    public const int MinimumLength = 2;

    /// <summary>
    /// How many postings of a pair are counted to rank the pairs of a longer query: beyond it a pair is simply common,
    /// and the ranking needs no more than that.
    /// </summary>
    private const int RankingBound = 2_000;

    /// <summary>The number of characters (Unicode scalars) of <paramref name="text"/>.</summary>
    public static int Length(string text) => text.EnumerateRunes().Count();

    /// <summary>The distinct pairs of adjacent characters of <paramref name="text"/>, in the order they first appear.</summary>
    public static IReadOnlyList<string> Grams(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var grams = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Rune? previous = null;
        foreach (var rune in text.EnumerateRunes())
        {
            if (previous is { } first)
            {
                var gram = string.Concat(first.ToString(), rune.ToString());
                if (seen.Add(gram))
                {
                    grams.Add(gram);
                }
            }

            previous = rune;
        }

        return grams;
    }

    /// <summary>
    /// Brings the postings of one enterprise in line with its name, in the caller's unit of work: a registration
    /// (<paramref name="before"/> null) adds them, a change of name swaps the pairs that differ.
    /// </summary>
    public static void Track(ZhengzhaoDbContext db, string uscc, string? before, string after)
    {
        ArgumentNullException.ThrowIfNull(db);
        var old = before is null ? [] : Grams(before);
        var current = Grams(after);
        db.NameGrams.RemoveRange(old.Except(current, StringComparer.Ordinal).Select(g => new NameGram(g, uscc)));
        db.NameGrams.AddRange(current.Except(old, StringComparer.Ordinal).Select(g => new NameGram(g, uscc)));
    }

    /// <summary>
    /// What a search box on the register finds: the enterprise with that exact code, or those whose names contain
    /// the text (two characters or more), in code order, a page of <paramref name="size"/> at a time, with their number
    /// counted up to <paramref name="cap"/>: the cap keeps a query as common as “有限” from counting the whole register.
    /// Text too short to search by, or a mistyped code, is refused with what to type instead.
    /// </summary>
    public static async Task<Result<NameMatches>> SearchAsync(ZhengzhaoDbContext db, string? text, int page, int size, int cap, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = text?.Trim() ?? string.Empty;
        var check = Uscc.Check(query);
        if (check.Code is { } code)
        {
            var known = await db.Enterprises.AnyAsync(e => e.Uscc == code.Value, cancellationToken);
            return new NameMatches(known ? [code.Value] : [], known ? 1 : 0, Capped: false, Page: 1, Pages: 1);
        }

        // Eighteen letters and digits of the code's alphabet are a code typed wrong, never a name.
        if (check.Normalised.Length == 18 && check.Normalised.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
        {
            return new Refusal("registry/invalid-query-code", "统一社会信用代码有误", "输入的 18 位统一社会信用代码未通过校验，请逐位核对；也可以输入企业名称中的字词查询。") { Errors = Field(check.Reason!) };
        }

        if (Length(query) < MinimumLength)
        {
            return new Refusal("registry/query-too-short", "查询内容过短", "请输入企业名称中连续的至少两个字，或完整的 18 位统一社会信用代码。") { Errors = Field("至少输入两个字。") };
        }

        return await FindAsync(db, query, page, size, cap, cancellationToken);
    }

    private static Dictionary<string, string[]> Field(string message) => new() { ["q"] = [message] };

    private static async Task<NameMatches> FindAsync(ZhengzhaoDbContext db, string fragment, int page, int size, int cap, CancellationToken cancellationToken)
    {
        var grams = Grams(fragment);
        var postings = db.NameGrams.AsNoTracking();
        IQueryable<NameGram> matches;
        if (Length(fragment) == MinimumLength)
        {
            // Two characters are exactly one pair: its postings are the answer, with nothing to check.
            matches = postings.Where(g => g.Gram == grams[0]);
        }
        else
        {
            var ranked = new List<(string Gram, int Count)>(grams.Count);
            foreach (var gram in grams)
            {
                ranked.Add((gram, await postings.Where(g => g.Gram == gram).Take(RankingBound).CountAsync(cancellationToken)));
            }

            // Driven by the rarest pair; the next two rarest are lookups in the index's key, so the company's row is
            // read to check the whole fragment only for the few that hold all three. Not every pair: PostgreSQL
            // spent 20 ms planning the join of seven, for a query that ran in one.
            ranked.Sort((a, b) => a.Count.CompareTo(b.Count));
            var rarest = ranked[0].Gram;
            matches = postings.Where(g => g.Gram == rarest);
            foreach (var (other, _) in ranked.Skip(1).Take(2))
            {
                matches = matches.Where(g => postings.Any(h => h.Gram == other && h.Uscc == g.Uscc));
            }

            matches = matches.Where(g => db.Enterprises.Any(e => e.Uscc == g.Uscc && e.Name.Contains(fragment)));
        }

        var counted = await matches.Take(cap + 1).CountAsync(cancellationToken);
        var total = Math.Min(counted, cap);
        var pages = Math.Max(1, (total + size - 1) / size);
        var number = Math.Clamp(page, 1, pages);
        var codes = total == 0
            ? []
            : await matches.OrderBy(g => g.Uscc).Skip((number - 1) * size).Take(size).Select(g => g.Uscc).ToListAsync(cancellationToken);
        return new NameMatches(codes, total, counted > cap, number, pages);
    }
}
