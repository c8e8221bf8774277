using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Zhengzhao.Common;
using Zhengzhao.Credit;
using Zhengzhao.DataGenerator;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Benchmarks;

/// <summary>
/// The public search over a register of generated companies (seed 2018): imported through the real use case into the
/// platform's SQLite file and indexed by the name index's catch-up; then, when a PostgreSQL server is given, copied
/// into a fresh PostgreSQL database as the migration leaves an existing register, and indexed the same way. On each, <see cref="SearchPublicEnterprises"/> is timed server-side,
/// query by query, for two characters, three or more, and codes, each sampled from the register; the baseline in the
/// same run is the register's search as it was before the index (<c>code = q OR name LIKE '%q%'</c>, counted to the
/// same cap, the same page). Finally the public API over loopback HTTP, with the fair-use limit raised: many clients,
/// and one client as the baseline.
/// </summary>
internal static class SearchScenario
{
    private const int Seed = CompanyGenerator.DemoSeed;

    public static async Task RunAsync(int companies, int queriesPerKind, int baselinePerKind, string? postgres)
    {
        var folder = Directory.CreateTempSubdirectory("zz-search-bench-").FullName;
        try
        {
            var file = Path.Combine(folder, "companies.csv");
            await using (var writer = new StreamWriter(file, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
            {
                CompanyGenerator.FromReferenceData(Seed).WriteCsv(writer, companies);
            }

            // The catch-up is run and timed here rather than by the background service.
            await using var app = await BenchHost.StartAsync(folder, new() { ["PublicPortal:RequestsPerMinute"] = "100000000", ["Registry:IndexNames"] = "false" });
            await ImportAsync(app.Services, file);
            var sqlite = new FileInfo(Path.Combine(folder, "zhengzhao.db"));
            var queries = await SampleAsync(app.Services, queriesPerKind);
            Report($"SQLite file {sqlite.Length / 1024.0 / 1024.0:N0} MB (with its WAL: {(sqlite.Length + new FileInfo(sqlite.FullName + "-wal").Length) / 1024.0 / 1024.0:N0} MB); load average {ImportScenario.LoadAverage()}");
            await CompareAsync("SQLite", app.Services, queries, baselinePerKind);

            if (postgres is not null)
            {
                await using var pg = await PostgresAsync(postgres, sqlite.FullName);
                await CompareAsync("PostgreSQL", pg, queries, baselinePerKind);
            }

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var mixed = queries.Values.SelectMany(q => q).ToArray();
            new Random(Seed).Shuffle(mixed);
            foreach (var clients in new[] { 1, 16, 32 })
            {
                await HttpAsync(address, mixed, clients, TimeSpan.FromSeconds(clients == 1 ? 10 : 20));
            }

            await app.StopAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ImportAsync(IServiceProvider services, string file)
    {
        var clock = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        await using var stream = File.OpenRead(file);
        var result = await scope.ServiceProvider.GetRequiredService<ImportCompanies>().HandleAsync(new(stream, "companies.csv", Actor.System));
        var outcome = result.Value ?? throw new InvalidOperationException(result.Refusal!.Detail);
        Report($"imported {outcome.Imported:N0} companies in {clock.Elapsed.TotalSeconds:N1} s (ImportCompanies, SQLite); load average {ImportScenario.LoadAverage()}");
        await CatchUpAsync("SQLite", services);
    }

    /// <summary>The name index's catch-up, as the background service runs it after an import or the migration.</summary>
    private static async Task CatchUpAsync(string database, IServiceProvider services)
    {
        var clock = Stopwatch.StartNew();
        var (companies, passes) = (0, 0);
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var indexed = await scope.ServiceProvider.GetRequiredService<IndexNames>().RunAsync();
            if (indexed == 0)
            {
                break;
            }

            (companies, passes) = (companies + indexed, passes + 1);
        }

        await using var count = services.CreateAsyncScope();
        var db = count.ServiceProvider.GetRequiredService<ZhengzhaoDbContext>();
        var (pairs, runs) = (await db.NameGrams.CountAsync(), await db.NameTrigrams.CountAsync());
        if (db.Database.IsSqlite())
        {
            // As SQLite's automatic checkpoint does once no reader holds the log: the queries read the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        Report($"{database}: name index caught up on {companies:N0} companies in {passes} passes, {clock.Elapsed.TotalSeconds:N1} s: {pairs:N0} pairs and {runs:N0} runs of three ({(pairs + runs) / (double)Math.Max(1, companies):N1} postings a name); load average {ImportScenario.LoadAverage()}");
    }

    /// <summary>Queries as people type them: parts of names on the register, whole codes, and one pair no name holds.</summary>
    private static async Task<Dictionary<string, string[]>> SampleAsync(IServiceProvider services, int perKind)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhengzhaoDbContext>();
        var random = new Random(Seed);
        var register = await db.Enterprises.AsNoTracking().Select(e => new { e.Uscc, e.Name }).ToListAsync();
        string Part(int length)
        {
            var name = register[random.Next(register.Count)].Name;
            var size = Math.Min(length, name.Length);
            return name.Substring(random.Next(name.Length - size + 1), size);
        }

        return new()
        {
            ["two characters"] = [.. Enumerable.Range(0, perKind).Select(_ => Part(2))],
            ["three to eight characters"] = [.. Enumerable.Range(0, perKind).Select(_ => Part(random.Next(3, 9)))],
            ["code"] = [.. Enumerable.Range(0, perKind).Select(_ => register[random.Next(register.Count)].Uscc)],
            ["two characters no name holds"] = [.. Enumerable.Range(0, perKind).Select(_ => string.Concat((char)random.Next(0x3400, 0x4DB6), (char)random.Next(0x3400, 0x4DB6)))],
        };
    }

    private static async Task CompareAsync(string database, IServiceProvider services, Dictionary<string, string[]> queries, int baselinePerKind)
    {
        foreach (var (kind, sample) in queries)
        {
            var indexed = await TimeAsync(services, sample, async (scope, q) =>
            {
                var found = await scope.GetRequiredService<SearchPublicEnterprises>().HandleAsync(q, 1);
                return found.Value?.Total ?? throw new InvalidOperationException($"{q}: {found.Refusal!.Detail}");
            });
            var baseline = await TimeAsync(services, sample[..Math.Min(baselinePerKind, sample.Length)], (scope, q) => LikeAsync(scope.GetRequiredService<ZhengzhaoDbContext>(), q));
            Report($"{database}, {kind}: name index {indexed}");
            Report($"{database}, {kind}: LIKE baseline {baseline}");
        }
    }

    /// <summary>The register's search before the index: code or name in one predicate, which scans the table.</summary>
    private static async Task<int> LikeAsync(ZhengzhaoDbContext db, string query)
    {
        var code = Uscc.Normalise(query);
        var matches = db.Enterprises.AsNoTracking().Where(e => e.Uscc == code || e.Name.Contains(query));
        var total = await matches.Take(SearchPublicEnterprises.MatchCap + 1).CountAsync();
        var codes = await matches.OrderBy(e => e.Uscc).Take(SearchPublicEnterprises.PageSize).Select(e => e.Uscc).ToListAsync();
        await GetPublicRecord.BasicsAsync(db, codes, CancellationToken.None);
        return Math.Min(total, SearchPublicEnterprises.MatchCap);
    }

    private static async Task<string> TimeAsync(IServiceProvider services, string[] queries, Func<IServiceProvider, string, Task<int>> run)
    {
        // The first queries warm the JIT, the connection pool and the page cache; they are not counted.
        foreach (var query in queries.Take(20))
        {
            await using var scope = services.CreateAsyncScope();
            await run(scope.ServiceProvider, query);
        }

        var times = new double[queries.Length];
        long found = 0;
        for (var i = 0; i < queries.Length; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var started = Stopwatch.GetTimestamp();
            found += await run(scope.ServiceProvider, queries[i]);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        return string.Create(CultureInfo.InvariantCulture, $"{times.Length} queries, p50 {SubmitScenario.Percentile(times, 0.5):N2} ms, p95 {SubmitScenario.Percentile(times, 0.95):N2} ms, p99 {SubmitScenario.Percentile(times, 0.99):N2} ms, max {times[^1]:N1} ms; {found / (double)times.Length:N0} matches a query on average (counted up to {SearchPublicEnterprises.MatchCap:N0})");
    }

    /// <summary>
    /// A fresh PostgreSQL database, migrated, with the register copied from the SQLite file (binary COPY) and the name
    /// index built by its catch-up.
    /// </summary>
    private static async Task<ServiceProvider> PostgresAsync(string server, string sqliteFile)
    {
        var target = new NpgsqlConnectionStringBuilder(server) { Database = "zz_search_bench" };
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS zz_search_bench WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        var services = await BenchDatabase.CreateAsync(new DatabaseSettings(DatabaseProvider.Postgres, target.ConnectionString));
        var clock = Stopwatch.StartNew();
        await using (var source = new SqliteConnection($"Data Source={sqliteFile};Mode=ReadOnly"))
        await using (var connection = new NpgsqlConnection(target.ConnectionString))
        {
            await source.OpenAsync();
            await connection.OpenAsync();
            await using var read = source.CreateCommand();
            read.CommandText = """SELECT "Uscc", "Name", "Type", "LegalRepresentative", "LegalRepresentativeIdProtected", "LegalRepresentativeIdMasked", "Address", "RegionCode", "RegisteringAuthority", "EstablishedOn", "ApprovedOn", "RegisteredCapital", "BusinessScope", "Status" FROM "Enterprises" """;
            await using var rows = await read.ExecuteReaderAsync();
            await using var copy = await connection.BeginBinaryImportAsync("""COPY "Enterprises" ("Uscc", "Name", "Type", "LegalRepresentative", "LegalRepresentativeIdProtected", "LegalRepresentativeIdMasked", "Address", "RegionCode", "RegisteringAuthority", "EstablishedOn", "ApprovedOn", "RegisteredCapital", "BusinessScope", "Status", "NameIndexed") FROM STDIN (FORMAT BINARY)""");
            while (await rows.ReadAsync())
            {
                await copy.StartRowAsync();
                for (var i = 0; i < 9; i++)
                {
                    await copy.WriteAsync(rows.GetString(i), NpgsqlDbType.Varchar);
                }

                await copy.WriteAsync(DateOnly.Parse(rows.GetString(9), CultureInfo.InvariantCulture), NpgsqlDbType.Date);
                await copy.WriteAsync(DateOnly.Parse(rows.GetString(10), CultureInfo.InvariantCulture), NpgsqlDbType.Date);
                await copy.WriteAsync(decimal.Parse(rows.GetString(11), CultureInfo.InvariantCulture), NpgsqlDbType.Numeric);
                await copy.WriteAsync(rows.GetString(12), NpgsqlDbType.Varchar);
                await copy.WriteAsync(rows.GetString(13), NpgsqlDbType.Varchar);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            }

            await copy.CompleteAsync();
        }

        Report($"PostgreSQL: register copied in {clock.Elapsed.TotalSeconds:N1} s, every company still to be indexed, as the migration leaves an existing register");
        await CatchUpAsync("PostgreSQL", services);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ZhengzhaoDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            clock.Restart();
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
            var size = await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync();
            Report($"PostgreSQL: VACUUM ANALYZE in {clock.Elapsed.TotalSeconds:N1} s; database {size / 1024.0 / 1024.0:N0} MB; load average {ImportScenario.LoadAverage()}");
        }

        return services;
    }

    /// <summary>The public API as the public's programs call it: each client sends its next query when the last is answered.</summary>
    private static async Task HttpAsync(string address, string[] queries, int clients, TimeSpan duration)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + 2 }) { BaseAddress = new Uri(address) };
        var latencies = new List<double>[clients];
        var failures = 0;
        var stop = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var mine = latencies[client] = [];
            for (var i = client; stop.Elapsed < duration; i += clients)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync($"api/v1/public/enterprises?q={Uri.EscapeDataString(queries[i % queries.Length])}");
                await response.Content.CopyToAsync(Stream.Null);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var elapsed = stop.Elapsed;
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        Report($"HTTP GET /api/v1/public/enterprises?q=…, {clients} client{(clients == 1 ? "" : "s")}, {elapsed.TotalSeconds:N0} s: {all.Length / elapsed.TotalSeconds:N0} requests/s, "
            + $"p50 {SubmitScenario.Percentile(all, 0.5):N1} ms, p95 {SubmitScenario.Percentile(all, 0.95):N1} ms, p99 {SubmitScenario.Percentile(all, 0.99):N1} ms; {failures} not 200; "
            + $"CPU time (server and clients) {used.TotalMilliseconds / all.Length:N2} ms a request; load average {ImportScenario.LoadAverage()}");
    }

    private static void Report(string line) => Console.WriteLine(line);
}
