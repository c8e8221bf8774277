using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Zhengzhao.Persistence;

/// <summary>
/// One prepared <c>INSERT … ON CONFLICT DO NOTHING</c> for an entity's table, built from the EF model (table,
/// column names, value conversions), executed row by row in the caller's transaction. For bulk loads, where tracking
/// a million entities would cost more than writing them; both SQLite and PostgreSQL accept the statement as written.
/// </summary>
internal sealed class RowInserter : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly (DbParameter Parameter, Func<object?, object?> ToProvider)[] _columns;

    private RowInserter(DbCommand command, (DbParameter, Func<object?, object?>)[] columns)
    {
        _command = command;
        _columns = columns;
    }

    /// <summary>Prepares the statement for the named properties of <typeparamref name="TEntity"/>, in that order.</summary>
    public static RowInserter For<TEntity>(ZhengzhaoDbContext db, params string[] properties) => For<TEntity>(db, 1, properties);

    /// <summary>
    /// Prepares one statement for <paramref name="rows"/> rows at a time: for narrow rows by the million, where
    /// executing a statement costs more than the row it writes.
    /// </summary>
    public static RowInserter For<TEntity>(ZhengzhaoDbContext db, int rows, params string[] properties)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var command = db.Database.GetDbConnection().CreateCommand();
        var columns = new (DbParameter, Func<object?, object?>)[properties.Length * rows];
        for (var i = 0; i < columns.Length; i++)
        {
            var name = properties[i % properties.Length];
            var property = entity.FindProperty(name) ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{name} is not mapped.");
            var mapping = property.GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(command, "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null, property.IsNullable);
            command.Parameters.Add(parameter);
            var converter = mapping.Converter;
            columns[i] = (parameter, converter is null ? v => v : converter.ConvertToProvider);
        }

        var names = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(entity.FindProperty(p)!.GetColumnName(table)!)));
        var values = string.Join(", ", columns.Chunk(properties.Length).Select(row => "(" + string.Join(", ", row.Select(c => c.Item1.ParameterName)) + ")"));
#pragma warning disable CA2100 // Identifiers come from the EF model, values are parameters.
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({names}) VALUES {values} ON CONFLICT DO NOTHING";
#pragma warning restore CA2100
        return new RowInserter(command, columns);
    }

    /// <summary>Inserts one row; false when a row with the same key was already there (nothing is changed then).</summary>
    public async Task<bool> InsertAsync(DbTransaction transaction, CancellationToken cancellationToken, params object?[] values) =>
        await InsertRowsAsync(transaction, cancellationToken, values) == 1;

    /// <summary>Inserts the statement's rows, their values one row after another; answers how many were new.</summary>
    public async Task<int> InsertRowsAsync(DbTransaction transaction, CancellationToken cancellationToken, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (_command.Transaction != transaction)
        {
            _command.Transaction = transaction;
            await _command.PrepareAsync(cancellationToken);
        }

        for (var i = 0; i < values.Length; i++)
        {
            _columns[i].Parameter.Value = _columns[i].ToProvider(values[i]) ?? DBNull.Value;
        }

        return await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
