using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Persistence;

namespace Zhengzhao.Tests.Persistence;

/// <summary>
/// Each provider keeps its own migrations (ADR 1), written by `dotnet ef migrations add` and never squashed again
/// (ADR 31). A change to the model without its migration on both providers would reach a database only as a runtime
/// failure; these tests make it a failing build step instead.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_SQLite_migrations_describe_the_model_as_it_is()
    {
        using var db = new SqliteZhengzhaoDbContext(new DbContextOptionsBuilder<SqliteZhengzhaoDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: run `dotnet ef migrations add` for SqliteZhengzhaoDbContext.");
    }

    [Fact]
    public void The_PostgreSQL_migrations_describe_the_model_as_it_is()
    {
        // The connection string is never opened: comparing the model with the migrations' snapshot needs no server.
        using var db = new PostgresZhengzhaoDbContext(new DbContextOptionsBuilder<PostgresZhengzhaoDbContext>().UseNpgsql("Host=localhost;Database=unused").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: run `dotnet ef migrations add` for PostgresZhengzhaoDbContext.");
    }

    [Fact]
    public async Task A_new_SQLite_database_keeps_the_name_index_postings_in_their_keys_alone()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new SqliteZhengzhaoDbContext(new DbContextOptionsBuilder<SqliteZhengzhaoDbContext>().UseSqlite(connection).Options);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        foreach (var table in new[] { "NameGrams", "NameTrigrams" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = $name";
            command.Parameters.AddWithValue("$name", table);
            var sql = (string?)await command.ExecuteScalarAsync();
            Assert.EndsWith("WITHOUT ROWID", sql?.TrimEnd(), StringComparison.Ordinal);
        }
    }
}
