using KvGraph.Core.Graph;
using KvGraph.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace KvGraph.Store.Tests;

/// <summary>
/// The commit's look-ups for a few rewritten files read those files' rows by index, never a row per document of the
/// corpus: SQLite's plan (with this build's SQLite, and without statistics, so the same on any store) is asked on a
/// built generated corpus (the 3,000 documents of <see cref="SynthStoreFixture"/>), and each query gives the rows it
/// stands for. On a 100,000-document store the document rows of the case digest were read through the label index
/// (every document row, 0.4 s, twice per commit) and the open-data records through the kind index (every motion row).
/// </summary>
public sealed class CommitQueryPlanTests(SynthStoreFixture synth) : IClassFixture<SynthStoreFixture>
{
    [Fact]
    public void The_rewritten_files_document_rows_are_read_by_file_and_are_that_files_documents()
    {
        using var c = Open(synth.StorePath);
        Exec(c, ResolvedFacts.StaleTable);
        var file = Scalar(c, "SELECT file_id FROM rnodes WHERE label = 'Answer' ORDER BY file_id LIMIT 1");
        Exec(c, $"INSERT INTO rstale(file_id) VALUES ({file})");

        var plan = Plan(c, ResolvedFacts.StaleDocuments);
        Assert.Contains(plan, p => p.Contains("USING INDEX rnodes_file", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, p => p.Contains("rnodes_label_name", StringComparison.Ordinal));

        // The rows: that file's document nodes in seq order, as a filter of all its rows would give them.
        var documentLabels = new[] { NodeLabel.Document, NodeLabel.Question, NodeLabel.Answer, NodeLabel.Letter, NodeLabel.Motion, NodeLabel.Kamerstuk, NodeLabel.Handelingen, NodeLabel.Deferral };
        var expected = StoreRows.Of(c, $"SELECT file_id, id, label, json_extract(props, '$.zaak'), json_extract(props, '$.kind') FROM rnodes WHERE file_id = {file} ORDER BY seq")
            .Where(r => documentLabels.Contains(r.Split(StoreRows.Separator)[2])).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, StoreRows.Of(c, ResolvedFacts.StaleDocuments));
    }

    [Fact]
    public void Whether_another_file_has_an_edge_key_is_read_by_the_edges_source_and_says_so()
    {
        using var c = Open(synth.StorePath);
        Exec(c, ResolvedFacts.StaleTable);
        var sql = ResolvedFacts.EdgeElsewhere.Replace("?1", "$s", StringComparison.Ordinal).Replace("?2", "$t", StringComparison.Ordinal).Replace("?3", "$g", StringComparison.Ordinal);
        var plan = Plan(c, sql, ("$s", "a"), ("$t", "b"), ("$g", "c"));
        Assert.Contains(plan, p => p.Contains("redges_source", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, p => p.Contains("redges_target", StringComparison.Ordinal));

        // A structural edge into a shared target (a dossier) from a cited text that only one file names: another file has
        // the key until that file is among the rewritten ones, and always for a key two files share.
        var keys = StoreRows.Of(c, """
            SELECT source, type, target, count(DISTINCT file_id), min(file_id) FROM redges WHERE positioned = 0 AND type = 'IN_DOSSIER'
            GROUP BY source, type, target ORDER BY count(DISTINCT file_id), source LIMIT 1
            """).Concat(StoreRows.Of(c, """
            SELECT source, type, target, count(DISTINCT file_id), min(file_id) FROM redges WHERE positioned = 0 AND type = 'IN_DOSSIER'
            GROUP BY source, type, target HAVING count(DISTINCT file_id) > 1 ORDER BY source LIMIT 1
            """)).Select(r => r.Split(StoreRows.Separator)).ToList();
        Assert.Equal(2, keys.Count);
        foreach (var k in keys)
        {
            Exec(c, "DELETE FROM rstale");
            Assert.Equal(1L, Scalar(c, sql, ("$s", k[0]), ("$t", k[1]), ("$g", k[2])));
            Exec(c, $"INSERT INTO rstale(file_id) VALUES ({k[4]})");
            Assert.Equal(k[3] == "1" ? 0L : 1L, Scalar(c, sql, ("$s", k[0]), ("$t", k[1]), ("$g", k[2])));
        }
    }

    [Fact]
    public void Open_data_records_and_a_sittings_items_are_read_by_id_range()
    {
        using var c = Open(synth.StorePath);
        foreach (var sql in new[] { SqliteResolverIndex.MotionRecordsSql, SqliteResolverIndex.SittingItemsSql })
        {
            var plan = Plan(c, sql, ("$k", "motion"), ("$lo", "h-tk-20232024-1-"), ("$hi", "h-tk-20232024-1."));
            Assert.Contains(plan, p => p.Contains("USING INDEX documents_id", StringComparison.Ordinal) || p.Contains("USING COVERING INDEX documents_id", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, p => p.Contains("documents_kind_date", StringComparison.Ordinal));
        }

        // The rows: the documents of the kind in the id range, as a filter of every document row gives them.
        var motionIds = StoreRows.Of(c, "SELECT DISTINCT id FROM documents WHERE kind = 'motion' ORDER BY id").ToList();
        Assert.NotEmpty(motionIds);
        var (lo, hi) = (motionIds[0], motionIds[^1] + "\u0001");
        Assert.Equal(motionIds, StoreRows.Of(c, SqliteResolverIndex.SittingItemsSql, ("$k", "motion"), ("$lo", lo), ("$hi", hi)).Order(StringComparer.Ordinal));
        Assert.Equal(
            StoreRows.Of(c, "SELECT DISTINCT id FROM documents WHERE kind = 'motion' AND id >= 'zaak:' AND id < 'zaak;'").Order(StringComparer.Ordinal),
            StoreRows.Of(c, SqliteResolverIndex.MotionRecordsSql, ("$k", "motion")).Order(StringComparer.Ordinal));
    }

    // Read-only: the tests share the store; the temporary table of rewritten files is the connection's own.
    private static SqliteConnection Open(string path)
    {
        var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        return c;
    }

    private static List<string> Plan(SqliteConnection c, string sql, params (string Name, object? Value)[] args) =>
        StoreRows.Of(c, "EXPLAIN QUERY PLAN " + sql, args).Select(r => r.Split(StoreRows.Separator)[^1]).ToList();

    // The one value of a one-row, one-column query, as a long.
    private static long Scalar(SqliteConnection c, string sql, params (string Name, object? Value)[] args) =>
        long.Parse(Assert.Single(StoreRows.Of(c, sql, args)), System.Globalization.CultureInfo.InvariantCulture);

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
