using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Zhengzhao.Persistence;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Benchmarks;

/// <summary>The real web app on Kestrel on 127.0.0.1, in this process, over a SQLite file in a scenario's folder.</summary>
internal static class BenchHost
{
    /// <summary>Starts the platform as production runs it; <paramref name="settings"/> add to or override its configuration.</summary>
    public static async Task<WebApplication> StartAsync(string folder, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The web assembly's name, so its pages and its appsettings.json are found as when it runs by itself.
            ApplicationName = typeof(ZhengzhaoHost).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["ConnectionStrings:Zhengzhao"] = $"Data Source={Path.Combine(folder, "zhengzhao.db")}",
            ["Storage:Uploads"] = Path.Combine(folder, "uploads"),
            ["Seed:Demo"] = "false",

            // The app's own log lines (JSON, as in production) go to standard error, the figures to standard output.
            ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
        });
        builder.Configuration.AddInMemoryCollection(BenchAuditKeys.Settings(folder));
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddZhengzhao();
        var app = builder.Build();
        await app.InitialiseDatabaseAsync();
        app.UseZhengzhao();
        await app.StartAsync();
        return app;
    }

    /// <summary>
    /// The web app runs with server GC (the Web SDK's default) and this console host does not: a scenario over HTTP
    /// runs in a child process of this program that does, as the platform would.
    /// </summary>
    public static async Task<int> RunWithServerGcAsync(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, Environment = { ["DOTNET_gcServer"] = "1" } };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchHost).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }
}
