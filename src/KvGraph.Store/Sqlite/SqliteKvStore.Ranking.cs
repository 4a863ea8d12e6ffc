using System.Globalization;
using Microsoft.Data.Sqlite;

namespace KvGraph.Store.Sqlite;

/// <summary>
/// The full-text ranking pass of search, split over two connections. FTS5's bm25 asks every matching row's size with one
/// SQL statement per row (<c>documents_fts_docsize</c>): a word in 80,000 of 100,000 rows costs ~55 ms on one core, all of
/// a search's time. The rows are cut at the middle rowid; each half is ranked on a connection of its own, at once (this
/// store's connection and a second read-only one, kept open), and the two best lists merged. bm25's idf and average
/// length are the whole table's (FTS5 counts a phrase's rows over the whole table whatever the rowid range), so each
/// row scores the same double as in the one pass, and the merged list is the one pass's (see <see cref="BestRows"/>).
/// </summary>
internal sealed partial class SqliteKvStore
{
    /// <summary>
    /// The best <c>n</c> full-text rows of a query with their ids: bm25 (title ×5), then id, then rowid, among the rows in
    /// (<c>$lo</c>, <c>$hi</c>]. The one statement of the ranking, whole or per half.
    /// </summary>
    private const string BestRowsSql = """
        SELECT d.id, m.rank, m.r FROM (SELECT rowid AS r, bm25(documents_fts, 5.0, 1.0) AS rank FROM documents_fts
            WHERE documents_fts MATCH $q AND rowid > $lo AND rowid <= $hi ORDER BY rank LIMIT $n) m
        JOIN documents d INDEXED BY documents_rowid_id ON d.rowid = m.r ORDER BY m.rank, d.id, m.r
        """;

    private SqliteConnection? _side;
    private (long Version, long? Mid)? _split;

    /// <summary>
    /// From this many matching rows on, the ranking is split: below, a whole pass takes under ~15 ms, and a split would add
    /// the hand-over and the second half's own count of the word's rows (bm25's idf) for little. Tests lower it.
    /// </summary>
    internal int SplitFromMatches { get; set; } = 20_000;

    /// <summary>How many rankings ran split (for tests).</summary>
    internal int SplitRankings { get; private set; }

    /// <summary>How many ranking passes ran, split or whole (for tests: a page should cost one).</summary>
    internal int RankingPasses { get; private set; }

    /// <summary>
    /// The first <paramref name="n"/> rows of <see cref="BestRowsSql"/> over the whole table. Split, each half gives its best
    /// <c>n</c>, and the merged list's first <c>n</c> are a best <c>n</c> of the whole: a row ranked strictly better than the
    /// merged n-th is in its half's best <c>n</c> (else that half alone would hold <c>n</c> rows better than the n-th), so the
    /// rows <see cref="BestTextHits"/> keeps (those strictly better, or every row when fewer than <c>n</c> match) are the same.
    /// <paramref name="matches"/> (the query's rows) decides whether to split. Ties are merged in the statement's order (rank, id by its UTF-8 bytes as SQLite compares text, rowid).
    /// </summary>
    private List<(string Id, double Rank, long Row)> BestRows(string fts, int n, int matches)
    {
        RankingPasses++;
        if (matches < SplitFromMatches || SplitPoint() is not { } mid || Side() is not { } side)
        {
            return BestRowsOn(_connection, _read, fts, n, long.MinValue, long.MaxValue);
        }

        // The second half on the pool; if no worker has taken it when the first is done, this thread runs it.
        var version = CurrentVersion;
        var taken = 0;
        List<(string Id, double Rank, long Row)>? upper = null;
        Exception? failed = null;
        using var done = new ManualResetEventSlim();
        void Upper()
        {
            if (Interlocked.Exchange(ref taken, 1) != 0)
            {
                return;
            }

            try
            {
                upper = SideBestRows(side, version, fts, n, mid);
            }
            catch (Exception e)
            {
                failed = e;
            }
            finally
            {
                done.Set();
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(_ => Upper(), null);
        var lower = BestRowsOn(_connection, _read, fts, n, long.MinValue, mid);
        Upper();
        done.Wait();
        if (failed is not null)
        {
            throw failed;
        }

        // The second connection saw another build (one committed between the two reads began): rank that half here.
        upper ??= BestRowsOn(_connection, _read, fts, n, mid, long.MaxValue);
        SplitRankings++;
        var merged = lower.Concat(upper).ToList();
        merged.Sort(static (a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank)
            : SqliteTextOrder.Instance.Compare(a.Id, b.Id) is var c and not 0 ? c : a.Row.CompareTo(b.Row));
        return merged.Count > n ? merged.GetRange(0, n) : merged;
    }

    /// <summary>The upper half on the second connection, in a read of its own; null when that read sees another version than this store's read.</summary>
    private static List<(string Id, double Rank, long Row)>? SideBestRows(SqliteConnection side, long version, string fts, int n, long mid)
    {
        using var tx = side.BeginTransaction(deferred: true);
        return VersionOn(side, tx) == version ? BestRowsOn(side, tx, fts, n, mid, long.MaxValue) : null;
    }

    private static List<(string Id, double Rank, long Row)> BestRowsOn(SqliteConnection connection, SqliteTransaction? tx, string fts, int n, long lo, long hi)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = BestRowsSql;
        cmd.Parameters.AddWithValue("$q", fts);
        cmd.Parameters.AddWithValue("$n", n);
        cmd.Parameters.AddWithValue("$lo", lo);
        cmd.Parameters.AddWithValue("$hi", hi);
        var rows = new List<(string Id, double Rank, long Row)>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            rows.Add((r.GetString(0), r.GetDouble(1), r.GetInt64(2)));
        }

        return rows;
    }

    /// <summary>
    /// The rowid that cuts the full-text rows in two halves, once per store version; null (no split) inside a write session
    /// (a second connection would not see its rows) or when the table has fewer than two rows.
    /// </summary>
    private long? SplitPoint()
    {
        if (_writer is not null)
        {
            return null;
        }

        var version = CurrentVersion;
        if (_split is not { } known || known.Version != version)
        {
            using var cmd = Command("""
                SELECT count(*), (SELECT id FROM documents_fts_docsize ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM documents_fts_docsize))
                FROM documents_fts_docsize
                """);
            using var r = cmd.ExecuteReader();
            r.Read();
            known = (version, r.GetInt64(0) >= 2 ? r.GetInt64(1) : null);
            _split = known;
        }

        return known.Mid;
    }

    /// <summary>The second, read-only connection of this store, opened at the first split ranking and kept.</summary>
    private SqliteConnection? Side()
    {
        if (_side is null)
        {
            var side = new SqliteConnection(ConnectionString(Path, readOnly: true));
            try
            {
                Configure(side, readOnly: true);
            }
            catch
            {
                side.Dispose();
                throw;
            }

            _side = side;
        }

        return _side;
    }
}
