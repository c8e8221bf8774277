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

BenchmarkSwitcher.FromAssembly(typeof(ImportScenario).Assembly).Run(args);
