namespace KvGraph.Store.Sqlite;

/// <summary>The <c>push_files</c> rows of one target. Each call is its own short transaction on the store's connection.</summary>
internal sealed class SqlitePushLedger : IPushLedger
{
    private readonly SqliteKvStore _store;

    public SqlitePushLedger(SqliteKvStore store, string target)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        _store = store;
        Target = target;
    }

    public string Target { get; }

    public IReadOnlyDictionary<string, PushedFileRecord> Load()
    {
        var result = new Dictionary<string, PushedFileRecord>(StringComparer.Ordinal);
        using var cmd = _store.Command("SELECT file, version, nodes, sources FROM push_files WHERE target = $t", ("$t", Target));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var file = r.GetString(0);
            result[file] = new PushedFileRecord(file, r.IsDBNull(1) ? null : r.GetString(1), StoreJson.ReadStrings(r.GetString(2)), StoreJson.ReadStrings(r.GetString(3)));
        }

        return result;
    }

    public void Apply(IEnumerable<PushedFileRecord> put, IEnumerable<string> remove)
    {
        ArgumentNullException.ThrowIfNull(put);
        ArgumentNullException.ThrowIfNull(remove);
        _store.WriteOutsideBuild(tx =>
        {
            using var delete = tx.Connection!.CreateCommand();
            delete.Transaction = tx;
            delete.CommandText = "DELETE FROM push_files WHERE target = $t AND file = $f";
            delete.Parameters.AddWithValue("$t", Target);
            var df = delete.Parameters.Add("$f", Microsoft.Data.Sqlite.SqliteType.Text);
            foreach (var file in remove)
            {
                df.Value = file;
                delete.ExecuteNonQuery();
            }

            using var upsert = tx.Connection!.CreateCommand();
            upsert.Transaction = tx;
            upsert.CommandText = "INSERT OR REPLACE INTO push_files(target, file, version, nodes, sources) VALUES ($t, $f, $v, $n, $s)";
            upsert.Parameters.AddWithValue("$t", Target);
            var f = upsert.Parameters.Add("$f", Microsoft.Data.Sqlite.SqliteType.Text);
            var v = upsert.Parameters.Add("$v", Microsoft.Data.Sqlite.SqliteType.Text);
            var n = upsert.Parameters.Add("$n", Microsoft.Data.Sqlite.SqliteType.Text);
            var s = upsert.Parameters.Add("$s", Microsoft.Data.Sqlite.SqliteType.Text);
            foreach (var record in put)
            {
                f.Value = record.File;
                v.Value = (object?)record.Version ?? DBNull.Value;
                n.Value = StoreJson.Strings(record.Nodes);
                s.Value = StoreJson.Strings(record.Sources);
                upsert.ExecuteNonQuery();
            }

        });
    }

    public void Clear() => _store.WriteOutsideBuild(tx =>
    {
        using var cmd = tx.Connection!.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "DELETE FROM push_files WHERE target = $t";
        cmd.Parameters.AddWithValue("$t", Target);
        cmd.ExecuteNonQuery();
    });
}
