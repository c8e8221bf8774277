using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Credit;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Benchmarks;

/// <summary>A fresh database, migrated and loaded with the reference data and calendar, with the core's use cases.</summary>
internal static class BenchDatabase
{
    /// <summary>Saves rows a scenario wrote straight into the context, with the one audit entry the context asks of any save of audited rows.</summary>
    public static Task<int> SaveSeededAsync(ZhengzhaoDbContext db, string what)
    {
        db.Record(Actor.System, TimeProvider.System, "bench.seeded", "Bench", "*", what);
        return db.SaveChangesAsync();
    }

    /// <summary>A SQLite file at <paramref name="path"/>.</summary>
    public static Task<ServiceProvider> CreateAsync(string path) => CreateAsync(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={path}"));

    public static async Task<ServiceProvider> CreateAsync(DatabaseSettings settings)
    {
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<CalendarCache>()
            .AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider())
            .AddSingleton(BenchAuditKeys.Ring)
            .AddZhengzhaoDatabase(settings)
            .AddZhengzhaoUseCases()
            .AddCreditPorts()
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhengzhaoDbContext>();
        await DatabaseMigrator.MigrateAsync(db, settings);
        await ReferenceDataSeeder.SeedAsync(db, TimeProvider.System);
        await CalendarSeeder.SeedAsync(db, TimeProvider.System);
        return services;
    }
}
