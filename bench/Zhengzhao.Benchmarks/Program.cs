using System.Globalization;
using System.Runtime;
using BenchmarkDotNet.Running;
using Zhengzhao.Benchmarks;

// `import <rows> [baseline rows]`, `worklist <applications> [runs]`, `submit <applications> <clients> [retried %]
// [baseline applications]` and `search <companies> [queries per kind] [baseline queries per kind] [PostgreSQL server
// connection string]` run whole scenarios over a real database (not BenchmarkDotNet kernels); anything else goes to
// BenchmarkDotNet.
if (args is ["import", .. var rest])
{
    var rows = rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 1_000_000;
    var baselineRows = rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 20_000;
    await ImportScenario.RunAsync(rows, baselineRows);
    return;
}

if (args is ["worklist", .. var worklist])
{
    await WorklistScenario.RunAsync(worklist.Length > 0 ? int.Parse(worklist[0], CultureInfo.InvariantCulture) : 1_000_000, worklist.Length > 1 ? int.Parse(worklist[1], CultureInfo.InvariantCulture) : 50);
    return;
}

if (args is ["submit", .. var options])
{
    if (!GCSettings.IsServerGC)
    {
        Environment.ExitCode = await BenchHost.RunWithServerGcAsync(args);
        return;
    }

    var applications = options.Length > 0 ? int.Parse(options[0], CultureInfo.InvariantCulture) : 6_000;
    var clients = options.Length > 1 ? int.Parse(options[1], CultureInfo.InvariantCulture) : 16;
    var retriedPercent = options.Length > 2 ? double.Parse(options[2], CultureInfo.InvariantCulture) : 20;
    var baselineApplications = options.Length > 3 ? int.Parse(options[3], CultureInfo.InvariantCulture) : 1_000;
    await SubmitScenario.RunAsync(applications, clients, retriedPercent / 100, baselineApplications);
    return;
}

if (args is ["search", .. var search])
{
    if (!GCSettings.IsServerGC)
    {
        Environment.ExitCode = await BenchHost.RunWithServerGcAsync(args);
        return;
    }

    await SearchScenario.RunAsync(
        search.Length > 0 ? int.Parse(search[0], CultureInfo.InvariantCulture) : 1_000_000,
        search.Length > 1 ? int.Parse(search[1], CultureInfo.InvariantCulture) : 1_000,
        search.Length > 2 ? int.Parse(search[2], CultureInfo.InvariantCulture) : 50,
        search.Length > 3 ? search[3] : null);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ImportScenario).Assembly).Run(args);
