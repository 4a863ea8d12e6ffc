using System.Globalization;
using Microsoft.Data.Sqlite;

namespace KvGraph.Store.Tests;

/// <summary>The rows of a query on a store file, opened read-only, for tests that compare stored tables row for row.</summary>
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
}
