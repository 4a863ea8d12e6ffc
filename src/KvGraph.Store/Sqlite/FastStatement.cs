using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace KvGraph.Store.Sqlite;

/// <summary>
/// One prepared statement run many times on a connection's own handle (so inside whatever transaction the connection
/// has open), its values bound by position. For the build's bulk inserts: <see cref="SqliteCommand"/> looks every
/// parameter up by name on every execution (<c>sqlite3_bind_parameter_index</c>), which at 100,000 files cost about as
/// much as the inserts themselves.
/// </summary>
internal sealed class FastStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private readonly int _count;

    public FastStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out var stmt);
        if (rc != raw.SQLITE_OK || stmt is null)
        {
            stmt?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, _db);
            throw new InvalidOperationException($"Cannot prepare {sql}.");
        }

        _stmt = stmt;

        _count = raw.sqlite3_bind_parameter_count(_stmt);
    }

    /// <summary>How many values the statement takes.</summary>
    public int Count => _count;

    /// <summary>Runs the statement with <paramref name="values"/> bound to ?1, ?2, … in order (null as NULL).</summary>
    public void Run(params ReadOnlySpan<object?> values) => Step(values, returnsRow: false);

    /// <summary>Runs a statement that returns one integer (<c>RETURNING rowid</c>) and gives it.</summary>
    public long RunScalar(params ReadOnlySpan<object?> values) => Step(values, returnsRow: true);

    /// <summary>
    /// Runs a query with <paramref name="values"/> bound to ?1, ?2, … and calls <paramref name="row"/> once per row, which
    /// reads the row's columns through <see cref="Int64"/>, <see cref="IsNull"/>, <see cref="Utf8"/> and <see cref="Text"/>
    /// (no per-value type probing and boxing as a <see cref="SqliteDataReader"/> does; for reads of every row of a table).
    /// </summary>
    public void ForEachRow(Action<FastStatement> row, params ReadOnlySpan<object?> values)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            Bind(values);
            int step;
            while ((step = raw.sqlite3_step(_stmt)) == raw.SQLITE_ROW)
            {
                row(this);
            }

            Check(step);
        }
        finally
        {
            raw.sqlite3_reset(_stmt);
        }
    }

    /// <summary>Column <paramref name="column"/> of the current row (<see cref="ForEachRow"/>) as an integer.</summary>
    public long Int64(int column) => raw.sqlite3_column_int64(_stmt, column);

    /// <summary>Whether column <paramref name="column"/> of the current row is NULL.</summary>
    public bool IsNull(int column) => raw.sqlite3_column_type(_stmt, column) == raw.SQLITE_NULL;

    /// <summary>Column <paramref name="column"/> of the current row as its UTF-8 bytes, valid until the next row.</summary>
    public ReadOnlySpan<byte> Utf8(int column) => raw.sqlite3_column_blob(_stmt, column);

    /// <summary>Column <paramref name="column"/> of the current row as a string.</summary>
    public string Text(int column) => System.Text.Encoding.UTF8.GetString(Utf8(column));

    private void Bind(ReadOnlySpan<object?> values)
    {
        if (values.Length != _count)
        {
            throw new ArgumentException($"The statement takes {_count} values, not {values.Length}.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            var rc = values[i] switch
            {
                null => raw.sqlite3_bind_null(_stmt, i + 1),
                string s => raw.sqlite3_bind_text(_stmt, i + 1, s),
                long l => raw.sqlite3_bind_int64(_stmt, i + 1, l),
                int n => raw.sqlite3_bind_int64(_stmt, i + 1, n),
                bool b => raw.sqlite3_bind_int64(_stmt, i + 1, b ? 1 : 0),
                var other => throw new ArgumentException($"Cannot bind a {other.GetType().Name}.", nameof(values)),
            };
            Check(rc);
        }
    }

    private long Step(ReadOnlySpan<object?> values, bool returnsRow)
    {
        try
        {
            Bind(values);
            var step = raw.sqlite3_step(_stmt);
            if (returnsRow)
            {
                if (step != raw.SQLITE_ROW)
                {
                    Check(step);
                    throw new InvalidOperationException("The statement returned no row.");
                }

                return raw.sqlite3_column_int64(_stmt, 0);
            }

            if (step != raw.SQLITE_DONE)
            {
                Check(step);
            }

            return 0;
        }
        finally
        {
            raw.sqlite3_reset(_stmt);
        }
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public void Dispose() => _stmt.Dispose();
}
