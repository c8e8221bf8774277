using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Zhengzhao.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the data lives: <c>Database:Provider</c> and <c>ConnectionStrings:Zhengzhao</c>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionStringName = "Zhengzhao";

    /// <summary>
    /// Reads the settings; with no connection string, SQLite gets a file in <c>data/</c> under the content root,
    /// so the platform runs with nothing configured.
    /// </summary>
    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providerText = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Database:Provider '{providerText}' is not one of Sqlite, Postgres.");
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Zhengzhao is empty.");
            }

            connectionString = $"Data Source={Path.Combine(contentRoot, "data", "zhengzhao.db")}";
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            connectionString = RootSqlitePath(connectionString, contentRoot);
        }

        return new DatabaseSettings(provider, connectionString);
    }

    private static string RootSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        return builder.ToString();
    }
}

public static class DatabaseRegistration
{
    public static IServiceCollection AddZhengzhaoDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.AddSingleton<GroupCommit>();

        // Pooled: every request takes a context, and building a new one (its internal services, its change tracker) made
        // about a fifth of what a filing allocated (docs/benchmarks.md). The contexts keep no state of their own.
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<ZhengzhaoDbContext, PostgresZhengzhaoDbContext>(o => o.UseNpgsql(settings.ConnectionString));
        }
        else
        {
            services.AddDbContextPool<ZhengzhaoDbContext, SqliteZhengzhaoDbContext>(o => o.UseSqlite(settings.ConnectionString).AddInterceptors(SqliteBusyTimeout.Instance));
        }

        return services;
    }
}
