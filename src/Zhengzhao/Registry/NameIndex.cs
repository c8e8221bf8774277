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
/// Three adjacent characters of an enterprise's name and where they stand in it (the first character's place, from
/// 0): a posting of the name index for fragments of three characters or more.
/// </summary>
public sealed class NameTrigram
{
    private NameTrigram()
    {
        Gram = Uscc = string.Empty;
    }

    public NameTrigram(string gram, string uscc, int position)
    {
        Gram = gram;
        Uscc = uscc;
        Position = position;
    }

    public string Gram { get; private set; }

    public string Uscc { get; private set; }

    public int Position { get; private set; }
}

/// <summary>A run of adjacent characters of a name and the place of its first character, counted from 0.</summary>
public readonly record struct PlacedRun(string Gram, int Position);

/// <summary>
/// One page of the codes whose names contain a fragment, in code order; how many there are, counted up to a cap;
/// and the page number, kept within the pages there are.
/// </summary>
public sealed record NameMatches(IReadOnlyList<string> Codes, int Total, bool Capped, int Page, int Pages);

/// <summary>
/// The register's name index (ADRs 22, 23): every pair of adjacent characters of every name, keyed (pair, code), and
/// every run of three with its place, keyed (run, code, place), so that a search by any part of a name reads postings
/// instead of scanning the register. Chinese names have no word breaks and people search with two characters as
/// often as with more. A two-character query is one range of pairs, read in code order. A longer one is covered by
/// runs of three laid end to end: the rarest run's postings are read in code order (on PostgreSQL, the run its
/// planner finds rarest; ADR 24), and each is kept when the other runs stand at their places in the same name, which
/// the index answers without reading the name. Characters are Unicode scalars, as SQLite's and PostgreSQL's
/// <c>substr</c> count them.
/// </summary>
public static class NameIndex
{
    /// <summary>The shortest fragment the index can answer: one pair.</summary>
    public const int MinimumLength = 2;

    /// <summary>
    /// How many postings of a run are counted to rank the runs of a query: beyond it a run is simply common. Counting
    /// further separated more runs and cost more than it saved.
    /// </summary>
    private const int RankingBound = 2_000;

    /// <summary>
    /// How many runs a query checks in the index, which covers fragments of up to nine characters. A longer one has
    /// its candidates' names read for the rest, once three runs in place have left little but its matches: more
    /// relations in one query made PostgreSQL plan for longer than it ran.
    /// </summary>
    private const int RunsChecked = 3;

    /// <summary>The number of characters (Unicode scalars) of <paramref name="text"/>.</summary>
    public static int Length(string text) => text.EnumerateRunes().Count();

    /// <summary>The distinct pairs of adjacent characters of <paramref name="text"/>, in the order they first appear.</summary>
    public static IReadOnlyList<string> Grams(string text) => [.. Runs(text, 2).Select(r => r.Gram).Distinct(StringComparer.Ordinal)];

    /// <summary>Every run of three adjacent characters of <paramref name="text"/>, with its place.</summary>
    public static IReadOnlyList<PlacedRun> Trigrams(string text) => Runs(text, 3);

    /// <summary>
    /// Runs of three laid end to end over a fragment of three characters or more, the last overlapping the one before
    /// when the length is not a multiple of three. Together they fix every character, so a name holding each of them
    /// at the same distance from the first holds the fragment.
    /// </summary>
    public static IReadOnlyList<PlacedRun> Cover(string fragment)
    {
        var runs = Trigrams(fragment);
        return [.. runs.Where(r => r.Position % 3 == 0 || r.Position == runs.Count - 1)];
    }

    private static List<PlacedRun> Runs(string text, int size)
    {
        ArgumentNullException.ThrowIfNull(text);
        var characters = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        return [.. Enumerable.Range(0, Math.Max(0, characters.Length - size + 1)).Select(i => new PlacedRun(string.Concat(characters.AsSpan(i, size)), i))];
    }

    /// <summary>
    /// Brings the postings of one enterprise in line with its name, in the caller's unit of work: a registration
    /// (<paramref name="before"/> null) adds them, a change of name swaps those that differ.
    /// </summary>
    public static void Track(ZhengzhaoDbContext db, string uscc, string? before, string after)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (oldPairs, pairs) = (before is null ? [] : Grams(before), Grams(after));
        db.NameGrams.RemoveRange(oldPairs.Except(pairs, StringComparer.Ordinal).Select(g => new NameGram(g, uscc)));
        db.NameGrams.AddRange(pairs.Except(oldPairs, StringComparer.Ordinal).Select(g => new NameGram(g, uscc)));
        var (oldRuns, runs) = (before is null ? [] : Trigrams(before), Trigrams(after));
        db.NameTrigrams.RemoveRange(oldRuns.Except(runs).Select(r => new NameTrigram(r.Gram, uscc, r.Position)));
        db.NameTrigrams.AddRange(runs.Except(oldRuns).Select(r => new NameTrigram(r.Gram, uscc, r.Position)));
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
            return RegistryRefusals.QueryCodeInvalid(check.Reason!);
        }

        if (Length(query) < MinimumLength)
        {
            return RegistryRefusals.QueryTooShort();
        }

        return await FindAsync(db, query, page, size, cap, cancellationToken);
    }

    /// <summary>
    /// The codes up to one past the cap, read in one query: few enough to count and page in memory, so the matching,
    /// the costly part, runs once.
    /// </summary>
    private static async Task<NameMatches> FindAsync(ZhengzhaoDbContext db, string fragment, int page, int size, int cap, CancellationToken cancellationToken)
    {
        var matching = Length(fragment) == MinimumLength
            ? db.NameGrams.AsNoTracking().Where(g => g.Gram == fragment).Select(g => g.Uscc)
            : await HoldingAsync(db, fragment, cancellationToken);
        var found = await matching.OrderBy(uscc => uscc).Take(cap + 1).ToListAsync(cancellationToken);
        var total = Math.Min(found.Count, cap);
        var pages = Math.Max(1, (total + size - 1) / size);
        var number = Math.Clamp(page, 1, pages);
        return new NameMatches([.. found.Skip((number - 1) * size).Take(size)], total, found.Count > cap, number, pages);
    }

    /// <summary>The codes of the names holding a fragment of three characters or more, once each.</summary>
    private static async Task<IQueryable<string>> HoldingAsync(ZhengzhaoDbContext db, string fragment, CancellationToken cancellationToken)
    {
        var postings = db.NameTrigrams.AsNoTracking();
        var runs = Cover(fragment);
        // PostgreSQL's planner knows from its statistics how common each run is and orders them itself; counting
        // first cost more than the search. SQLite takes them as written, so the rarest must come first. Either way,
        // counts choose which runs to check when there are more than the index checks.
        if (runs.Count > RunsChecked || (runs.Count > 1 && !db.Database.IsNpgsql()))
        {
            // Every run counted up to the bound in one statement, each a range of the key; a run no name holds has no
            // row, counts 0, and drives a query that reads nothing.
            var counts = await runs.Select(r => r.Gram).Distinct(StringComparer.Ordinal)
                .Select(gram => postings.Where(t => t.Gram == gram).Take(RankingBound).GroupBy(t => t.Gram).Select(run => new { Gram = run.Key, Count = run.Count() }))
                .Aggregate(Queryable.Concat)
                .ToDictionaryAsync(c => c.Gram, c => c.Count, StringComparer.Ordinal, cancellationToken);
            runs = [.. runs.OrderBy(r => counts.GetValueOrDefault(r.Gram))];
        }

        // Driven by the rarest run, in code order (on PostgreSQL, by the one its planner finds rarest); the next two must
        // stand at their distance from it in the same name.
        var driver = runs[0];
        var matches = postings.Where(t => t.Gram == driver.Gram);
        foreach (var (gram, position) in runs.Skip(1).Take(RunsChecked - 1))
        {
            var offset = position - driver.Position;
            matches = matches.Where(t => postings.Any(o => o.Gram == gram && o.Uscc == t.Uscc && o.Position == t.Position + offset));
        }

        if (runs.Count > RunsChecked)
        {
            matches = matches.Where(t => db.Enterprises.Any(e => e.Uscc == t.Uscc && e.Name.Contains(fragment)));
        }

        // A name may hold the fragment twice. Grouped, not DISTINCT: EF nests a DISTINCT in a subquery under the order
        // and the limit, and the databases then read and sort every match instead of stopping at the cap.
        return matches.GroupBy(t => t.Uscc).Select(codes => codes.Key);
    }
}
