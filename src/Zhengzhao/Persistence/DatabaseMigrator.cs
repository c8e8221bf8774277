using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Zhengzhao.Persistence;

/// <summary>Creates the database if it is missing and brings its schema to the latest migration.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(ZhengzhaoDbContext db, DatabaseSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            await EnsurePostgresDatabaseAsync(settings.ConnectionString, cancellationToken);
            await RefuseUnknownHistoryAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }

        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        if (Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await RefuseUnknownHistoryAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);

        // WAL lets readers go on while one writer writes; the mode is stored in the file, so once is enough.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>
    /// A database whose history names a migration this build does not have was made by a development build from
    /// before the migrations were squashed (ADR 31), or by a newer build. EF would try to create every table again
    /// and fail half-way with "table already exists"; this says what happened before anything is touched.
    /// </summary>
    private static async Task RefuseUnknownHistoryAsync(ZhengzhaoDbContext db, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database was migrated by another build: it records {string.Join(", ", unknown)}, which this build does not have. " +
                "A database made before the migrations were squashed into Initial (ADR 31) cannot be upgraded: create a new one.");
        }
    }

    /// <summary>
    /// EF would create the database from the server's default template, whose encoding and ctype may be ASCII-only.
    /// The database is created here from template0 in UTF-8, so that text functions count a Chinese character as one,
    /// as the name index does, and with a C.UTF-8 ctype, so that character classes know it as a letter.
    /// </summary>
    private static async Task EnsurePostgresDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? throw new InvalidOperationException("The PostgreSQL connection string names no database.");
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return;
            }
        }

        var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
#pragma warning disable CA2100 // A database name cannot be a parameter; it is quoted as an identifier above.
        await using var create = new NpgsqlCommand(
            $"CREATE DATABASE {quoted} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'",
            connection);
#pragma warning restore CA2100
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance created it first.
        }
    }
}
