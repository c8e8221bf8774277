using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Registry;

/// <summary>
/// The name index's catch-up: writes the postings of companies on the register whose names it does not hold yet,
/// those imported in bulk and those registered before the index existed (ADR 22). It runs after the fact so that a
/// million-company import stays within its time: writing its postings batch by batch doubled it. Until a company is
/// indexed, it is found by its code but not by its name.
/// </summary>
public sealed class IndexNames(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    /// <summary>
    /// Companies a pass indexes: each pass writes across the whole index, so fewer, larger passes write each page of
    /// it fewer times (at 20,000 a pass, a million companies grew SQLite's write-ahead log past 10 GB).
    /// </summary>
    public const int DefaultCompanies = 100_000;

    /// <summary>An import unfinished for longer than this was interrupted, and its companies are indexed.</summary>
    private static readonly TimeSpan ImportTimeout = TimeSpan.FromHours(1);

    private const int PostingsPerStatement = 250;

    /// <summary>
    /// Indexes up to <paramref name="companies"/> companies in one transaction and answers how many. The names are
    /// read inside it, at repeatable read: a change of name committed meanwhile fails the pass (PostgreSQL) or waits
    /// for it (SQLite's single writer), so no old name is ever indexed as current. Nothing is done while an import is
    /// running: a pass between its batches would take the one writer's turn and rewrite the pages the batches touch.
    /// </summary>
    public async Task<int> RunAsync(int companies = DefaultCompanies, CancellationToken cancellationToken = default)
    {
        var recent = time.GetUtcNow().UtcDateTime - ImportTimeout;
        if (await db.ImportRuns.AnyAsync(r => r.FinishedAt == null && r.StartedAt > recent, cancellationToken))
        {
            return 0;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            var names = await db.Enterprises.AsNoTracking().Where(e => !e.NameIndexed).OrderBy(e => e.Uscc).Take(companies)
                .Select(e => new { e.Uscc, e.Name }).ToListAsync(cancellationToken);
            if (names.Count == 0)
            {
                return 0;
            }

            // In the index's own order and a few hundred to a statement: each page of the index is written once.
            var batch = transaction.GetDbTransaction();
            var pairs = names.SelectMany(n => NameIndex.Grams(n.Name).Select(gram => new NameGram(gram, n.Uscc))).ToList();
            pairs.Sort((a, b) => string.CompareOrdinal(a.Gram, b.Gram) is var byGram and not 0 ? byGram : string.CompareOrdinal(a.Uscc, b.Uscc));
            await WriteAsync(batch, pairs, p => [p.Gram, p.Uscc], cancellationToken, nameof(NameGram.Gram), nameof(NameGram.Uscc));
            var runs = names.SelectMany(n => NameIndex.Trigrams(n.Name).Select(run => new NameTrigram(run.Gram, n.Uscc, run.Position))).ToList();
            runs.Sort((a, b) => string.CompareOrdinal(a.Gram, b.Gram) is var byGram and not 0 ? byGram
                : string.CompareOrdinal(a.Uscc, b.Uscc) is var byCode and not 0 ? byCode : a.Position.CompareTo(b.Position));
            await WriteAsync(batch, runs, r => [r.Gram, r.Uscc, r.Position], cancellationToken, nameof(NameTrigram.Gram), nameof(NameTrigram.Uscc), nameof(NameTrigram.Position));

            // The same rows as read, in the same snapshot: the first unindexed ones up to the last code read.
            var last = names[^1].Uscc;
            await db.Enterprises.Where(e => !e.NameIndexed && e.Uscc.CompareTo(last) <= 0)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.NameIndexed, true), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return names.Count;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task WriteAsync<TPosting>(DbTransaction transaction, List<TPosting> postings, Func<TPosting, object?[]> values, CancellationToken cancellationToken, params string[] columns)
    {
        await using var many = RowInserter.For<TPosting>(db, PostingsPerStatement, columns);
        await using var one = RowInserter.For<TPosting>(db, columns);
        foreach (var chunk in postings.Chunk(PostingsPerStatement))
        {
            if (chunk.Length == PostingsPerStatement)
            {
                await many.InsertRowsAsync(transaction, cancellationToken, [.. chunk.SelectMany(values)]);
            }
            else
            {
                foreach (var posting in chunk)
                {
                    await one.InsertAsync(transaction, cancellationToken, values(posting));
                }
            }
        }
    }
}

/// <summary>
/// Runs the catch-up on every instance: pass after pass while there are companies to index, then every half minute.
/// Two instances on the same companies write the same postings (the inserts skip what is there) and one of them waits
/// or fails its pass, which the next pass retries.
/// </summary>
public sealed partial class NameIndexService(IServiceScopeFactory scopes, TimeProvider time, ILogger<NameIndexService> logger) : PeriodicService(scopes, time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(30);

    protected override async Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var total = 0;
        while (await services.GetRequiredService<IndexNames>().RunAsync(IndexNames.DefaultCompanies, cancellationToken) is var indexed and > 0)
        {
            total += indexed;
        }

        if (total > 0)
        {
            LogIndexed(logger, total);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Name index: {Companies} companies indexed")]
    private static partial void LogIndexed(ILogger logger, int companies);
}
