using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Zhengzhao.Persistence;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteZhengzhaoDbContext>
{
    public SqliteZhengzhaoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteZhengzhaoDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresZhengzhaoDbContext>
{
    public PostgresZhengzhaoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresZhengzhaoDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
