using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Benchmarks;

/// <summary>
/// Application submission over real HTTP: the web app on Kestrel on 127.0.0.1 over a fresh SQLite file, companies
/// registered through the registry API, applicant accounts opened and their passwords changed through the use cases
/// an administrator and an applicant go through, materials uploaded once per company and referenced by id. Clients
/// file with a unique <c>Idempotency-Key</c> each; a share of them send again with the same key, after a response they
/// pretend was lost or twice at once. Afterwards the database is the judge: one application per key, the id every
/// client was answered with, one filing receipt per filing. Baseline in the same run: the same workload from one
/// client, one request at a time.
/// </summary>
internal static class SubmitScenario
{
    private const string Password = "Bench2026Submit";
    private const string Administrator = "bench-admin";
    private const int Companies = 32;
    private const int WarmUp = 1_000;
    private const string FilingItem = "XZ2018-F01";
    private const string TransparentItem = "XZ2018-T01";

    // A minimal well-formed PDF: the upload is checked by content, and its size is not what is measured.
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    private enum Retry
    {
        None,
        AfterLostResponse,
        TwiceAtOnce,
    }

    public static async Task RunAsync(int applications, int concurrency, double retryShare, int baselineApplications)
    {
        var folder = Directory.CreateTempSubdirectory("zz-submit-bench-").FullName;
        try
        {
            await using var app = await BenchHost.StartAsync(folder, new() { ["Bootstrap:Administrator:UserName"] = Administrator, ["Bootstrap:Administrator:Password"] = Password + "Admin" });
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = (concurrency * 2) + 2 }) { BaseAddress = new Uri(address) };
            var setup = Stopwatch.StartNew();
            var applicants = await PrepareAsync(app, http);
            Report($"platform on {address} (Production, SQLite file in {folder}); {applicants.Count} companies registered, their applicant accounts signed in, one upload each, in {setup.Elapsed.TotalSeconds:N1} s");

            // Warm-up: tiered JIT (still recompiling hot methods after 200 submissions), the thread pool, connection pools
            // and SQLite's page cache, for both phases alike.
            var warm = await RunPhaseAsync(Plan("warmup", WarmUp, retryShare, applicants), concurrency, http);
            Report($"warm-up (not counted): {WarmUp} submissions from {concurrency} clients in {warm.Elapsed.TotalSeconds:N1} s");

            var baseline = await RunPhaseAsync(Plan("baseline", baselineApplications, retryShare, applicants), 1, http);
            var failed = !await CheckAsync(app, "baseline: one client, one request at a time", baseline);
            var run = await RunPhaseAsync(Plan("run", applications, retryShare, applicants), concurrency, http);
            failed |= !await CheckAsync(app, $"{concurrency} concurrent clients", run);

            Report($"throughput ratio, {concurrency} clients / one client: {run.SubmissionsPerSecond / baseline.SubmissionsPerSecond:N2}");
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var chain = await scope.ServiceProvider.GetRequiredService<VerifyAuditChain>().HandleAsync();
                Report($"audit chain: {chain.EntriesChecked:N0} entries, {(chain.Intact ? "intact" : "BROKEN: " + chain.Break!.Reason)}");
                failed |= !chain.Intact;
            }

            if (failed)
            {
                Report("FAILED: submissions were lost, duplicated or answered wrongly (see above)");
                Environment.ExitCode = 1;
            }

            await app.StopAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The platform as Program.cs composes it, in Production, listening on a free loopback port.</summary>

    /// <summary>Companies, their applicants with bearer tokens, and one upload per company that every application references.</summary>
    private static async Task<IReadOnlyList<Applicant>> PrepareAsync(WebApplication app, HttpClient http)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ZhengzhaoDbContext>();
        var required = new Dictionary<string, List<string>>();
        foreach (var code in new[] { FilingItem, TransparentItem })
        {
            var content = await db.ItemVersions.AsNoTracking().Where(v => v.ItemCode == code && !v.IsDraft).OrderByDescending(v => v.Number).Select(v => v.Content).FirstAsync();
            required[code] = [.. content.Materials.Where(m => m.Required).Select(m => m.Name)];
        }

        var registrar = await SignedInAsync(services, http, "bench-registrar", Roles.Regulator, "XZ-GSJ", "540000", null);
        var person = "54010219900101103" + IdentityNumber.ComputeCheckCharacter("54010219900101103");
        var applicants = new List<Applicant>();
        for (var i = 0; i < Companies; i++)
        {
            var uscc = Uscc.Compose('9', '1', "540172", string.Create(CultureInfo.InvariantCulture, $"MA6B{i:D4}")).Value;
            using (var registration = new HttpRequestMessage(HttpMethod.Post, "api/v1/registry/registrations"))
            {
                registration.Headers.Authorization = registrar;
                registration.Content = JsonContent.Create(new
                {
                    eventId = $"bench-{uscc}",
                    kind = "Registration",
                    uscc,
                    name = $"拉萨申报压测有限公司{i:D2}",
                    type = "DomesticCompany",
                    legalRepresentative = "达瓦",
                    legalRepresentativeId = person,
                    address = "拉萨经开区（压测）",
                    regionCode = "540172",
                    registeringAuthority = "拉萨市市场监督管理局",
                    establishedOn = "2024-01-15",
                    approvedOn = "2024-01-15",
                    registeredCapital = 50m,
                    businessScope = "许可项目：化妆品生产。一般项目：化妆品零售；日用百货销售。",
                });
                await EnsureAsync(await http.SendAsync(registration), "registration");
            }

            var userName = string.Create(CultureInfo.InvariantCulture, $"bench-applicant-{i:D2}");
            var token = await SignedInAsync(services, http, userName, Roles.Applicant, null, null, uscc);
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "申请材料.pdf");
            using var upload = new HttpRequestMessage(HttpMethod.Post, "api/v1/licensing/uploads") { Content = form };
            upload.Headers.Authorization = token;
            using var uploaded = await EnsureAsync(await http.SendAsync(upload), "upload");
            var id = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

            // Serialised once: the client's work per request is kept small, as it shares the two cores with the server.
            var bodies = required.ToDictionary(r => r.Key, r => JsonSerializer.SerializeToUtf8Bytes(new { itemCode = r.Key, materials = r.Value.Select(name => new { name, upload = id }) }));
            applicants.Add(new Applicant(userName, token, bodies));
        }

        return applicants;
    }

    /// <summary>
    /// An account opened by the administrator with a one-time password, which its holder changes as at first sign-in,
    /// then a bearer token from the token endpoint.
    /// </summary>
    private static async Task<AuthenticationHeaderValue> SignedInAsync(IServiceProvider services, HttpClient http, string userName, string role, string? department, string? region, string? uscc)
    {
        var created = await services.GetRequiredService<CreateAccount>().HandleAsync(new(userName, userName, role, department, region, uscc, new Actor(Administrator)));
        if (!created.IsSuccess)
        {
            throw new InvalidOperationException($"Account {userName}: {created.Refusal!.Detail}");
        }

        var user = await services.GetRequiredService<UserManager<User>>().FindByNameAsync(userName);
        var changed = await services.GetRequiredService<ChangePassword>().HandleAsync(new(user!.Id, created.Value!.OneTimePassword, Password, Password));
        if (!changed.IsSuccess)
        {
            throw new InvalidOperationException($"Password of {userName}: {changed.Refusal!.Detail}");
        }

        using var response = await EnsureAsync(await http.PostAsJsonAsync("api/v1/identity/token", new { userName, password = Password }), "token");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        return new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>
    /// Three filings to one transparent application, spread over the companies; each key is new, and the retried
    /// share is split three to one between a resend after a lost response and a request sent twice at once.
    /// </summary>
    private static List<Submission> Plan(string phase, int count, double retryShare, IReadOnlyList<Applicant> applicants)
    {
        var random = new Random(2018);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var draw = random.NextDouble();
            var retry = draw < retryShare * 0.75 ? Retry.AfterLostResponse : draw < retryShare ? Retry.TwiceAtOnce : Retry.None;
            return new Submission(applicants[i % applicants.Count], string.Create(CultureInfo.InvariantCulture, $"{phase}-{i:D7}"), i % 4 == 3 ? TransparentItem : FilingItem, retry);
        })];
    }

    private static async Task<Phase> RunPhaseAsync(List<Submission> plan, int concurrency, HttpClient http)
    {
        var answers = new Answer[plan.Count][];
        var next = -1;
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var collections = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < plan.Count)
            {
                var s = plan[i];
                answers[i] = s.Retry switch
                {
                    Retry.AfterLostResponse => [await SendAsync(http, s), await SendAsync(http, s)],

                    // One client alone can only send the second copy after the first; with several, both are in flight.
                    Retry.TwiceAtOnce when concurrency == 1 => [await SendAsync(http, s), await SendAsync(http, s)],
                    Retry.TwiceAtOnce => await Task.WhenAll(SendAsync(http, s), SendAsync(http, s)),
                    _ => [await SendAsync(http, s)],
                };
            }
        }));
        await Task.WhenAll(clients);
        var elapsed = clock.Elapsed;
        process.Refresh();
        return new Phase(plan, answers, concurrency, elapsed, process.TotalProcessorTime - cpu, GC.GetTotalAllocatedBytes() - allocated, GC.CollectionCount(0) - collections, ImportScenario.LoadAverage());
    }

    private static async Task<Answer> SendAsync(HttpClient http, Submission submission)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/licensing/applications");
        request.Headers.Authorization = submission.Applicant.Token;
        request.Headers.Add("Idempotency-Key", submission.Key);
        request.Content = new ByteArrayContent(submission.Applicant.Bodies[submission.ItemCode]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var latency = Stopwatch.GetElapsedTime(started);
        if (!response.IsSuccessStatusCode)
        {
            return new Answer(response.StatusCode, null, latency, Encoding.UTF8.GetString(body));
        }

        using var json = JsonDocument.Parse(body);
        return new Answer(response.StatusCode, json.RootElement.GetProperty("id").GetGuid(), latency, null);
    }

    /// <summary>What the database holds for the phase's keys, against what the clients were told.</summary>
    private static async Task<Verdict> VerifyAsync(WebApplication app, Phase phase)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhengzhaoDbContext>();
        var prefix = phase.Plan[0].Key[..(phase.Plan[0].Key.IndexOf('-', StringComparison.Ordinal) + 1)];
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.IdempotencyKey!.StartsWith(prefix))
            .Select(a => new { a.Id, a.FiledBy, a.IdempotencyKey, a.Number, a.ItemCode })
            .ToListAsync();
        var byKey = rows.GroupBy(r => (r.FiledBy, Key: r.IdempotencyKey!)).ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToList());
        var ids = rows.Select(r => r.Id).ToHashSet();
        var receipts = (await db.Permits.AsNoTracking().Where(p => p.ApplicationId != null).Select(p => p.ApplicationId!.Value).ToListAsync()).Where(ids.Contains).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var filings = rows.Where(r => r.ItemCode == FilingItem).ToList();

        int lost = 0, wrongId = 0, unexpected = 0;
        var problems = new List<string>();
        for (var i = 0; i < phase.Plan.Count; i++)
        {
            var s = phase.Plan[i];
            var answers = phase.Answers[i];
            if (!byKey.TryGetValue((s.Applicant.UserName, s.Key), out var stored))
            {
                lost++;
            }

            wrongId += answers.Count(a => a.Id is { } id && (stored is null || !stored.Contains(id)));

            // The first request that arrives makes the application (201); every other copy is answered with it (200).
            var statuses = answers.Select(a => a.Status).Order().ToList();
            var expected = answers.Length == 1 ? [HttpStatusCode.Created] : new[] { HttpStatusCode.OK, HttpStatusCode.Created };
            if (!statuses.SequenceEqual(expected) || (s.Retry == Retry.AfterLostResponse && answers[0].Status != HttpStatusCode.Created))
            {
                unexpected++;
                if (problems.Count < 5)
                {
                    problems.Add($"{s.Key}: {string.Join(", ", answers.Select(a => $"{(int)a.Status} {a.Problem}"))}");
                }
            }
        }

        return new Verdict(
            rows.Count,
            lost,
            Duplicated: rows.Count - byKey.Count,
            wrongId,
            unexpected,
            problems,
            filings.Count,
            FilingsWithOneReceipt: filings.Count(f => receipts.GetValueOrDefault(f.Id) == 1),
            ExtraReceipts: receipts.Values.Sum(n => n - 1),
            DistinctNumbers: rows.Select(r => r.Number).Distinct().Count());
    }

    private static async Task<bool> CheckAsync(WebApplication app, string label, Phase phase)
    {
        var verdict = await VerifyAsync(app, phase);
        Print(label, phase, verdict);
        return verdict.Sound;
    }

    private static void Print(string label, Phase phase, Verdict verdict)
    {
        var plan = phase.Plan;
        var latencies = phase.Answers.SelectMany(a => a).Select(a => a.Latency.TotalMilliseconds).Order().ToArray();
        Report($"{label}: {plan.Count:N0} submissions ({plan.Count(s => s.ItemCode == FilingItem):N0} filings, {plan.Count(s => s.ItemCode == TransparentItem):N0} transparent), "
            + $"{plan.Count(s => s.Retry != Retry.None):N0} retried with the same key ({plan.Count(s => s.Retry == Retry.AfterLostResponse):N0} after a lost response, {plan.Count(s => s.Retry == Retry.TwiceAtOnce):N0} sent twice{(phase.Concurrency > 1 ? " at once" : " in a row")}), {latencies.Length:N0} requests");
        Report($"  {phase.Elapsed.TotalSeconds:N1} s: {phase.SubmissionsPerSecond:N0} submissions/s, {latencies.Length / phase.Elapsed.TotalSeconds:N0} requests/s; "
            + $"latency per request p50 {Percentile(latencies, 0.50):N1} ms, p95 {Percentile(latencies, 0.95):N1} ms, p99 {Percentile(latencies, 0.99):N1} ms, max {latencies[^1]:N1} ms");
        Report($"  CPU time of the process (server and clients) {phase.Cpu.TotalSeconds:N1} s, {phase.Cpu.TotalMilliseconds / plan.Count:N1} ms a submission ({phase.Cpu / phase.Elapsed / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} cores); "
            + $"allocated {phase.Allocated / 1024.0 / plan.Count:N0} KB a submission, {phase.Collections} gen-0 collections ({(GCSettings.IsServerGC ? "server" : "workstation")} GC); load average {phase.LoadAverage}");

        // On a machine shared with other work the process gets only its share of the cores; this says what all of them would give.
        Report($"  if CPU were the only bound: {Environment.ProcessorCount} cores × 1,000 / {phase.Cpu.TotalMilliseconds / plan.Count:N1} ms = {Environment.ProcessorCount * plan.Count / phase.Cpu.TotalSeconds:N0} submissions/s (extrapolated, not measured)");
        Report($"  database: {verdict.Rows:N0} applications for {plan.Count:N0} keys; lost {verdict.Lost}, duplicated {verdict.Duplicated}, answers naming another id {verdict.WrongId}, unexpected answers {verdict.Unexpected}; "
            + $"{verdict.FilingsWithOneReceipt:N0} of {verdict.Filings:N0} filings with exactly one receipt, {verdict.ExtraReceipts} extra receipts; {verdict.DistinctNumbers:N0} distinct numbers");
        foreach (var problem in verdict.Problems)
        {
            Report($"    {problem}");
        }
    }

    internal static double Percentile(double[] sorted, double share) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)];

    private static async Task<HttpResponseMessage> EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }


    private static void Report(string line) => Console.WriteLine(line);

    private sealed record Applicant(string UserName, AuthenticationHeaderValue Token, Dictionary<string, byte[]> Bodies);

    private sealed record Submission(Applicant Applicant, string Key, string ItemCode, Retry Retry);

    private sealed record Answer(HttpStatusCode Status, Guid? Id, TimeSpan Latency, string? Problem);

    private sealed record Phase(List<Submission> Plan, Answer[][] Answers, int Concurrency, TimeSpan Elapsed, TimeSpan Cpu, long Allocated, int Collections, string LoadAverage)
    {
        public double SubmissionsPerSecond => Plan.Count / Elapsed.TotalSeconds;
    }

    private sealed record Verdict(int Rows, int Lost, int Duplicated, int WrongId, int Unexpected, List<string> Problems, int Filings, int FilingsWithOneReceipt, int ExtraReceipts, int DistinctNumbers)
    {
        public bool Sound => Lost == 0 && Duplicated == 0 && WrongId == 0 && Unexpected == 0 && FilingsWithOneReceipt == Filings && ExtraReceipts == 0 && DistinctNumbers == Rows;
    }
}
