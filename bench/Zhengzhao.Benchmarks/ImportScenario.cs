using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Common;
using Zhengzhao.DataGenerator;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Benchmarks;

/// <summary>
/// Bulk import of generated companies from CSV into a fresh SQLite file through the real use case, with memory sampled
/// during the run; then, as the baseline, the naive EF Core path (Add + SaveChanges per row) on fewer rows,
/// extrapolated. Prints the figures docs/benchmarks.md records.
/// </summary>
internal static class ImportScenario
{
    private const int NaiveBatch = 100;

    public static async Task RunAsync(int rows, int baselineRows)
    {
        var folder = Directory.CreateTempSubdirectory("zz-import-bench-").FullName;
        try
        {
            var file = Path.Combine(folder, $"companies-{rows}.csv");
            var generation = Stopwatch.StartNew();
            await using (var writer = new StreamWriter(file, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
            {
                CompanyGenerator.FromReferenceData(CompanyGenerator.DemoSeed).WriteCsv(writer, rows);
            }

            Report($"generated {rows:N0} rows ({new FileInfo(file).Length / 1024.0 / 1024.0:N0} MB) in {generation.Elapsed.TotalSeconds:N1} s");

            await using (var services = await BenchDatabase.CreateAsync(Path.Combine(folder, "bulk.db")))
            {
                await BulkAsync(services, file, rows);
            }

            await using (var services = await BenchDatabase.CreateAsync(Path.Combine(folder, "naive.db")))
            {
                await NaiveAsync(services, baselineRows, rows);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task BulkAsync(ServiceProvider services, string file, int rows)
    {
        GC.Collect();
        var before = Environment.WorkingSet;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var samples = new List<(TimeSpan At, long WorkingSet, long Heap)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                lock (samples)
                {
                    samples.Add((clock.Elapsed, process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false)));
                }

                await Task.Delay(100, CancellationToken.None);
            }
        });

        await using var scope = services.CreateAsyncScope();
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        var result = await scope.ServiceProvider.GetRequiredService<ImportCompanies>().HandleAsync(new(stream, Path.GetFileName(file), Actor.System));
        var elapsed = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        await stop.CancelAsync();
        await sampler;
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException(result.Refusal!.Detail);
        }

        var o = result.Value!;
        Report($"bulk import (ImportCompanies, SQLite): {o.Rows:N0} rows, imported {o.Imported:N0}, skipped {o.Skipped:N0}, rejected {o.Rejected:N0}");
        Report($"  elapsed {elapsed.TotalSeconds:N1} s, {o.Rows / elapsed.TotalSeconds:N0} rows/s; CPU time {cpu.TotalSeconds:N1} s on {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Report($"  working set before {Mb(before)}, peak {Mb(samples.Max(s => s.WorkingSet))} (process peak {Mb(Process.GetCurrentProcess().PeakWorkingSet64)})");
        foreach (var share in new[] { 0.1, 0.5, 1.0 })
        {
            var at = elapsed * share;
            var sample = samples.MinBy(s => Math.Abs((s.At - at).Ticks));
            Report($"  at {share:P0} of the run ({sample.At.TotalSeconds:N1} s): managed heap {Mb(sample.Heap)}, working set {Mb(sample.WorkingSet)}");
        }

        Report($"  managed heap max over {samples.Count} samples: {Mb(samples.Max(s => s.Heap))}");
    }

    private static async Task NaiveAsync(ServiceProvider services, int rows, int target)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhengzhaoDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(RecordRegistration.IdPurpose);
        var now = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var pending = 0;
        foreach (var company in CompanyGenerator.FromReferenceData(CompanyGenerator.DemoSeed).Generate(rows))
        {
            var id = IdentityNumber.Check(company.LegalRepresentativeId).Number!;
            db.Enterprises.Add(new Enterprise(company.Code, company.Facts, protector.Protect(id.Value), id.Masked, "naive", now));
            if (++pending == NaiveBatch)
            {
                await BenchDatabase.SaveSeededAsync(db, "naive import");
                db.ChangeTracker.Clear();
                pending = 0;
            }
        }

        await BenchDatabase.SaveSeededAsync(db, "naive import");

        var elapsed = clock.Elapsed;
        var perSecond = rows / elapsed.TotalSeconds;
        Report($"baseline (EF Core Add, SaveChanges and ChangeTracker.Clear every {NaiveBatch} rows, SQLite): {rows:N0} rows in {elapsed.TotalSeconds:N1} s, {perSecond:N0} rows/s");
        Report($"  extrapolated to {target:N0} rows: {target / perSecond / 60:N1} min (linear extrapolation, not measured)");
    }

    // Other processes on the machine take their share of the cores: the figures are read together with this.
    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:N0} MB");

    private static void Report(string line) => Console.WriteLine(line);
}
