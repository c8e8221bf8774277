using System.Globalization;
using BenchmarkDotNet.Running;
using Zhengzhao.Benchmarks;

// `import <rows>` runs the bulk-import scenario (a whole run over a real database, not a BenchmarkDotNet kernel);
// anything else goes to BenchmarkDotNet.
if (args is ["import", .. var rest])
{
    var rows = rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 1_000_000;
    var baselineRows = rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 20_000;
    await ImportScenario.RunAsync(rows, baselineRows);
    return;
}

// `worklist <applications> <runs>` times the approver's worklist over that many applications.
if (args is ["worklist", .. var options])
{
    await WorklistScenario.RunAsync(options.Length > 0 ? int.Parse(options[0], CultureInfo.InvariantCulture) : 1_000_000, options.Length > 1 ? int.Parse(options[1], CultureInfo.InvariantCulture) : 50);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ImportScenario).Assembly).Run(args);
