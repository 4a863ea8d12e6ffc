using KvGraph.Core.Graph;
using KvGraph.Store.Sqlite;

namespace KvGraph.Store.Tests;

/// <summary>
/// A word in most of the rows scores at bm25's idf floor, by its count and the row's length only, so its rows tie in
/// groups. Each page of such a word must still cost one ranking pass (the first pass keeps enough rows past the page that
/// a tie at its cut leaves enough rows strictly better), and be the same slice of the word's full order as one long page.
/// </summary>
public sealed class SearchTiesTests(SynthStoreFixture synth) : IClassFixture<SynthStoreFixture>
{
    [Fact]
    public void Every_page_of_a_word_in_most_rows_is_one_ranking_pass_and_a_slice_of_the_full_order()
    {
        using var store = (SqliteKvStore)KvStore.OpenReadOnly(synth.StorePath);
        var (words, rows) = WordsInMostRows(synth.StorePath);
        Assert.True(words.Count > 0, $"the generated store of {rows} rows has no word in more than half of them");
        var asked = 0;
        foreach (var word in words)
        {
            var whole = store.Search(word, DocumentFilter.None, QueryLimits.MaxSearchPage, 0).Hits.Select(h => h.Id).ToList();
            Assert.Equal(QueryLimits.MaxSearchPage, whole.Count);
            foreach (var offset in new[] { 0, 20, 40, 60, 80 })
            {
                var before = store.RankingPasses;
                var page = store.Search(word, DocumentFilter.None, 20, offset).Hits.Select(h => h.Id).ToList();
                Assert.True(store.RankingPasses - before == 1, $"\"{word}\" at offset {offset}: {store.RankingPasses - before} ranking passes");
                Assert.Equal(whole.Skip(offset).Take(20), page);
                asked++;
            }
        }

        Assert.True(asked >= 10, $"only {asked} pages asked");
    }

    /// <summary>The words in more than half of the full-text rows (bm25's idf is then its floor), from FTS5's own vocabulary.</summary>
    private static (List<string> Words, long Rows) WordsInMostRows(string path)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, documents_fts, row);
            SELECT term, (SELECT count(*) FROM documents_fts) FROM temp.v
            WHERE doc * 2 > (SELECT count(*) FROM documents_fts) AND term NOT GLOB '*[0-9]*' ORDER BY doc DESC, term LIMIT 4;
            """;
        using var r = cmd.ExecuteReader();
        var words = new List<string>();
        long rows = 0;
        while (r.Read())
        {
            words.Add(r.GetString(0));
            rows = r.GetInt64(1);
        }

        return (words, rows);
    }
}
