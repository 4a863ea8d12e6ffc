using System.Globalization;
using System.Text;
using KvGraph.Core.Graph;
using KvGraph.Store.Sqlite;

namespace KvGraph.Store.Tests;

/// <summary>
/// Search's ranking split over two connections (<c>SqliteKvStore.Ranking.cs</c>) answers exactly what the one pass answers:
/// the same hits in the same order (ties included), snippets, highlights and totals, on the real corpus and on a generated
/// one, for frequent and rare words, phrases, prefixes, OR, NOT, a filter and later pages. Each search is asked twice of
/// one store, once with the split off and once with it forced for every query (the split is otherwise kept for words of
/// 20,000 rows or more, which these stores do not have).
/// </summary>
[Collection(CorpusStoreCollection.Name)]
public sealed class SplitRankingTests(CorpusStoreFixture corpus, SynthStoreFixture synth) : IClassFixture<SynthStoreFixture>
{
    private static readonly string[] Fixed =
    [
        "vragen", "minister", "stikstof", "Kamer", "antwoord", "Leijt*", "minist*", "\"Kamerbrief over\"", "\"de minister\"",
        "stikstof OR netcongestie", "vragen -stikstof", "vragen NOT minister", "zzzznotaword", "kst-21501-20-1591",
    ];

    [SkippableFact]
    public void The_split_ranking_answers_the_real_corpus_as_the_one_pass_does()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        AssertSameAnswers((SqliteKvStore)corpus.Store, corpus.Graph);
    }

    [Fact]
    public void The_split_ranking_answers_a_generated_corpus_as_the_one_pass_does()
    {
        using var store = (SqliteKvStore)KvStore.OpenReadOnly(synth.StorePath);
        AssertSameAnswers(store, store.LoadGraph());
    }

    [Fact]
    public void A_build_committed_while_a_read_is_open_is_not_seen_by_the_second_half()
    {
        var dir = KvGraph.TestSupport.TestPaths.NewTempDir("kvgraph-split-ranking");
        try
        {
            var path = Path.Combine(dir, "store.db");
            using (var source = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={synth.StorePath};Mode=ReadOnly;Pooling=False"))
            {
                source.Open();
                using var vacuum = source.CreateCommand();
                vacuum.CommandText = $"VACUUM INTO '{path}'";
                vacuum.ExecuteNonQuery();
            }

            // Opened for writing once, the copy is in WAL mode: a reader keeps its snapshot while a build commits.
            KvStore.Open(path).Dispose();
            var word = FrequentWords(path).First();
            using var reader = (SqliteKvStore)KvStore.OpenReadOnly(path);
            reader.SplitFromMatches = int.MaxValue;
            string before;
            using (reader.BeginRead())
            {
                before = Describe(reader.Search(word, DocumentFilter.None, 40, 0));

                // Another process's build drops the documents that hold the word best; this read still sees its snapshot.
                using (var writer = KvStore.Open(path))
                using (var session = writer.BeginWrite())
                {
                    foreach (var file in writer.Files().Take(400).Select(f => f.Path).ToList())
                    {
                        Assert.True(session.Remove(file));
                    }

                    session.Commit();
                }

                reader.SplitFromMatches = 1;
                var split = Describe(reader.Search(word, DocumentFilter.None, 40, 0));
                Assert.Equal(before, split);
                Assert.Equal(1, reader.SplitRankings);
            }

            // A new read sees the build, split and whole alike.
            var after = Describe(reader.Search(word, DocumentFilter.None, 40, 0));
            Assert.NotEqual(before, after);
            reader.SplitFromMatches = int.MaxValue;
            Assert.Equal(after, Describe(reader.Search(word, DocumentFilter.None, 40, 0)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void AssertSameAnswers(SqliteKvStore store, ICitationGraph graph)
    {
        var queries = Fixed.Concat(FrequentWords(store.Path).Take(6)).Concat(RareWords(store)).Distinct(StringComparer.Ordinal).ToList();
        var filter = DocumentFilter.Parse(kinds: ["answer"]);
        var asked = new List<(string Query, DocumentFilter Filter, int Limit, int Offset)>();
        foreach (var q in queries)
        {
            asked.Add((q, DocumentFilter.None, 20, 0));
            asked.Add((q, DocumentFilter.None, 20, 20));
            asked.Add((q, DocumentFilter.None, 50, 200));
            asked.Add((q, DocumentFilter.None, 1, 0));
            asked.Add((q, filter, 20, 0));
        }

        store.SplitFromMatches = int.MaxValue;
        var whole = asked.Select(a => Describe(store.Search(a.Query, a.Filter, a.Limit, a.Offset, a.Filter.IsEmpty ? null : graph))).ToList();
        Assert.Equal(0, store.SplitRankings);
        store.SplitFromMatches = 1;
        var split = asked.Select(a => Describe(store.Search(a.Query, a.Filter, a.Limit, a.Offset, a.Filter.IsEmpty ? null : graph))).ToList();
        store.SplitFromMatches = int.MaxValue;

        Assert.True(store.SplitRankings >= queries.Count, $"only {store.SplitRankings} rankings ran split");
        Assert.True(whole.Count(w => w.Contains("|text|", StringComparison.Ordinal)) >= queries.Count, "too few searches found text");
        for (var i = 0; i < asked.Count; i++)
        {
            Assert.True(whole[i] == split[i], $"{asked[i].Query} (limit {asked[i].Limit}, offset {asked[i].Offset}): whole\n{whole[i]}\nsplit\n{split[i]}");
        }
    }

    /// <summary>The words most often in the full-text rows' titles (read through FTS5's own vocabulary), most frequent first.</summary>
    private static List<string> FrequentWords(string path)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, documents_fts, row);
            SELECT term FROM temp.v WHERE length(term) > 3 AND term NOT GLOB '*[0-9]*' ORDER BY doc DESC, term LIMIT 12;
            """;
        using var r = cmd.ExecuteReader();
        var words = new List<string>();
        while (r.Read())
        {
            words.Add(r.GetString(0));
        }

        return words;
    }

    private static IEnumerable<string> RareWords(SqliteKvStore store) =>
        store.Documents().Where(d => d.Title is not null).Take(300).Select(d => d.Title!.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First())
            .Where(w => w.All(char.IsLetter)).Distinct(StringComparer.Ordinal).Take(6);

    private static string Describe(SearchResults found)
    {
        var sb = new StringBuilder().Append(found.Total.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var h in found.Hits)
        {
            sb.Append(h.Id).Append('|').Append(h.Match).Append('|').Append(h.Kind).Append('|').Append(h.Title).Append('|').Append(h.Date).Append('|')
                .Append(string.Join(',', h.Askers)).Append('|').Append(string.Join(',', h.Answerers)).Append('|').Append(h.Snippet).Append('|')
                .Append(string.Join(',', h.Highlights.Select(s => $"{s.Start}+{s.Length}"))).Append('|').Append(h.CitedBy).Append('|').Append(h.InCorpus).Append('|').Append(h.Label).Append('\n');
        }

        return sb.Append(string.Join(';', found.Notes)).ToString();
    }
}
