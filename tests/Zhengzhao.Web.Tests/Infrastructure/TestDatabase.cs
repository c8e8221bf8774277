using Microsoft.Data.Sqlite;
using Npgsql;
using Zhengzhao.Persistence;

namespace Zhengzhao.Web.Tests.Infrastructure;

/// <summary>
/// A database of its own for each test host, on the provider the suite runs on: SQLite by default, PostgreSQL when
/// <c>ZHENGZHAO_TEST_PROVIDER=Postgres</c> and <c>ZHENGZHAO_TEST_POSTGRES</c> names a server (the test script starts one).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private TestDatabase(DatabaseProvider provider, string connectionString, Action drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    private readonly Action _drop;

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static DatabaseProvider SuiteProvider =>
        string.Equals(Environment.GetEnvironmentVariable("ZHENGZHAO_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public static TestDatabase Create()
    {
        var name = "zz_test_" + Guid.NewGuid().ToString("N")[..12];
        if (SuiteProvider == DatabaseProvider.Postgres)
        {
            var server = Environment.GetEnvironmentVariable("ZHENGZHAO_TEST_POSTGRES")
                ?? throw new InvalidOperationException("ZHENGZHAO_TEST_POSTGRES must name the PostgreSQL server for a Postgres run.");
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            return new TestDatabase(DatabaseProvider.Postgres, connection, () => DropPostgres(server, name));
        }

        var file = Path.Combine(Path.GetTempPath(), name + ".db");
        return new TestDatabase(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file }.ConnectionString, () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        });
    }

    public void Dispose() => _drop();

    private static void DropPostgres(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
