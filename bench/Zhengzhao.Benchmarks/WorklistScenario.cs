using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Calendar;
using Zhengzhao.Catalog;
using Zhengzhao.Common;
using Zhengzhao.Licensing;
using Zhengzhao.Persistence;

namespace Zhengzhao.Benchmarks;

/// <summary>
/// The approver's worklist with a million applications in a SQLite file: most long closed, some thousands open in
/// the busiest department. Times <see cref="FindApplications.WorklistAsync"/> (the due-date index, the first page)
/// and, as the baseline in the same run on the same data, the worklist as it was first built: every open
/// application of the department loaded, its clock read and sorted in memory.
/// </summary>
internal static class WorklistScenario
{
    private const string Busiest = "XZ-SYJ";

    private static readonly ApplicationState[] Open = [ApplicationState.Submitted, ApplicationState.SupplementRequested, ApplicationState.Accepted, ApplicationState.AwaitingSignOff];

    public static async Task RunAsync(int applications, int runs)
    {
        var folder = Directory.CreateTempSubdirectory("zz-worklist-bench-").FullName;
        try
        {
            await using var services = await BenchDatabase.CreateAsync(Path.Combine(folder, "worklist.db"));
            var open = await SeedAsync(services, applications);
            var file = new FileInfo(Path.Combine(folder, "worklist.db"));
            Report($"database: {applications:N0} applications, {open:N0} open in {Busiest}, {file.Length / 1024.0 / 1024.0:N0} MB; load average {ImportScenario.LoadAverage()}");

            var indexed = await TimeAsync(services, runs, async (find, _, _, cancellationToken) => (await find.WorklistAsync(Busiest, cancellationToken)).Count);
            Report($"worklist (FindApplications.WorklistAsync, first {FindApplications.WorklistSize} by due date): {indexed}");
            var naive = await TimeAsync(services, Math.Max(5, runs / 10), NaiveAsync);
            Report($"baseline (every open application of the department loaded, clock read, sorted in memory): {naive}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The worklist as first built: what the due-date column replaced.</summary>
    private static async Task<int> NaiveAsync(FindApplications find, ZhengzhaoDbContext db, CalendarCache calendars, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var applications = await db.Applications.AsNoTracking().Where(a => a.DepartmentCode == Busiest && Open.Contains(a.State)).ToListAsync(cancellationToken);
        return applications
            .Select(a => (a, Clock: a.AcceptedOn is { } accepted ? ApplicationClock.Read(calendar, a.RegionCode, accepted, a.Limits, a.Pauses, today) : null))
            .OrderBy(v => v.Clock is null || v.Clock.IsPaused).ThenBy(v => v.Clock?.CommittedDue ?? DateOnly.MaxValue)
            .Take(FindApplications.WorklistSize)
            .Count();
    }

    private static async Task<string> TimeAsync(ServiceProvider services, int runs, Func<FindApplications, ZhengzhaoDbContext, CalendarCache, CancellationToken, Task<int>> query)
    {
        var timings = new List<double>();
        var rows = 0;
        for (var run = -3; run < runs; run++)
        {
            // A request's worth: a fresh scope and DbContext each time, as the page and the API get.
            await using var scope = services.CreateAsyncScope();
            var clock = Stopwatch.StartNew();
            rows = await query(scope.ServiceProvider.GetRequiredService<FindApplications>(), scope.ServiceProvider.GetRequiredService<ZhengzhaoDbContext>(), scope.ServiceProvider.GetRequiredService<CalendarCache>(), CancellationToken.None);
            if (run >= 0)
            {
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        timings.Sort();
        return $"{rows} rows; median {timings[timings.Count / 2]:N1} ms, p95 {timings[(int)(timings.Count * 0.95)]:N1} ms, max {timings[^1]:N1} ms over {runs} runs (after 3 warm-up)";
    }

    /// <summary>
    /// Applications made through the aggregate (so every column is what the platform writes), in batches: 3 % open,
    /// the busiest department a fifth of all, due dates spread over the coming weeks.
    /// </summary>
    private static async Task<int> SeedAsync(ServiceProvider services, int count)
    {
        var clock = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhengzhaoDbContext>();
        var calendar = await scope.ServiceProvider.GetRequiredService<CalendarCache>().GetAsync(db);
        var departments = await db.Departments.Select(d => d.Code).OrderBy(c => c).ToListAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(20181001);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var open = 0;
        for (var i = 0; i < count; i++)
        {
            var department = i % 5 == 0 ? Busiest : departments[random.Next(departments.Count)];
            var item = new PinnedItem($"SL-{i % 30:000}", 1, "测试许可", department, ReformMode.Transparent, new ClockLimits(20, 10), 10, ["申请书"], ["申请书"], []);
            var application = new Application($"91540172MA6T{i:X6}"[..18], "540172", item, ApplicationRoute.Ordinary, "applicant", false);
            application.AttachMaterial("申请书", Guid.NewGuid());
            var filedOn = today.AddDays(-random.Next(0, i % 33 == 0 ? 20 : 2000));
            application.Submit($"{department}-B-{i:D8}", filedOn);
            if (i % 33 != 0)
            {
                application.Accept("clerk", filedOn);
                application.Decide(true, null, "approver", filedOn.AddDays(random.Next(1, 14)));
            }
            else
            {
                open++;
                if (i % 2 == 0)
                {
                    application.Accept("clerk", filedOn);
                }
            }

            application.Reschedule(calendar, today);
            db.Applications.Add(application);
            if ((i + 1) % 20_000 == 0)
            {
                await BenchDatabase.SaveSeededAsync(db, "worklist applications");
                db.ChangeTracker.Clear();
            }
        }

        await BenchDatabase.SaveSeededAsync(db, "worklist applications");
        Report($"seeded {count:N0} applications in {clock.Elapsed.TotalSeconds:N0} s");
        return await db.Applications.CountAsync(a => a.DepartmentCode == Busiest && a.DueOn != null);
    }

    private static void Report(string line) => Console.WriteLine(line);
}
