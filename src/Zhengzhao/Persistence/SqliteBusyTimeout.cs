using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Zhengzhao.Persistence;

/// <summary>
/// SQLite lets one writer at a time. A writer that finds the database locked is retried by Microsoft.Data.Sqlite after
/// a fixed 150 ms sleep, however briefly the lock is held; with concurrent writers the lock then sits free while they
/// sleep, and 16 clients filed applications no faster than one (docs/benchmarks.md). SQLite's own busy handler
/// retries after 1, 2, 5… ms instead, bounded by the connection's command timeout (<c>Default Timeout</c>, 30 s) as the
/// library's own retries are. Set on each open: a connection from the driver's pool may be new, and on an old one it
/// is a field write.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } sqlite)
        {
            raw.sqlite3_busy_timeout(handle, sqlite.DefaultTimeout * 1000);
        }
    }
}
