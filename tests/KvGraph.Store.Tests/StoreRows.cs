using System.Globalization;
using Microsoft.Data.Sqlite;

namespace KvGraph.Store.Tests;

/// <summary>
/// The rows of a query on a store file, opened read-only, for tests that compare stored tables row for row; and the two
/// other things tests do to a store file directly: run a statement (to make an older schema's store, or a test trigger)
/// and read SQLite's plan of a query.
/// </summary>
internal static class StoreRows
{
    /// <summary>What <see cref="Of"/> puts between a row's columns.</summary>
    public const char Separator = '\u0001';

    /// <summary>The rows of <paramref name="sql"/> on the store file at <paramref name="path"/>, each as its columns joined by <see cref="Separator"/>, NULL as "(null)".</summary>
    public static List<string> Of(string path, string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        return Of(c, sql);
    }

    /// <summary>The rows of <paramref name="sql"/> on the open connection <paramref name="c"/>, as <see cref="Of(string, string)"/> gives them; of <paramref name="args"/>, those the text names are bound.</summary>
    public static List<string> Of(SqliteConnection c, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args.Where(a => sql.Contains(a.Name, StringComparison.Ordinal)))
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
        {
            rows.Add(string.Join(Separator, Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "(null)" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    /// <summary>Runs <paramref name="sql"/> (one or more statements) on the store file at <paramref name="path"/>, opened read-write, or read-only (e.g. for <c>VACUUM INTO</c>).</summary>
    public static void Exec(string path, string sql, bool readOnly = false)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode={(readOnly ? "ReadOnly" : "ReadWrite")};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>The detail column of SQLite's plan of <paramref name="sql"/> on the store file at <paramref name="path"/>, one line per step.</summary>
    public static List<string> Plan(string path, string sql) =>
        Of(path, "EXPLAIN QUERY PLAN " + sql).Select(r => r.Split(Separator)[^1]).ToList();
}
