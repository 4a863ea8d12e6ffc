using System.Security.Cryptography;
using KvGraph.Core.Extraction;
using KvGraph.Core.Graph;
using KvGraph.Ingest;
using KvGraph.Pipeline.Synth;
using KvGraph.Store;
using KvGraph.TestSupport;

namespace KvGraph.Pipeline.Tests.Synth;

/// <summary>
/// The generated corpus (<c>kvgraph synth</c>): deterministic per seed, heavy-tailed, built like a real corpus, and a
/// large accuracy test — the extractor finds what the truth file says each document cites.
/// </summary>
public sealed class SynthCorpusTests
{
    [Fact]
    public void The_same_seed_writes_the_same_corpus_and_another_seed_another()
    {
        var a = TestPaths.NewTempDir("synth-a");
        var b = TestPaths.NewTempDir("synth-b");
        var c = TestPaths.NewTempDir("synth-c");
        SynthCorpus.Write(a, new SynthOptions(300, Seed: 5));
        SynthCorpus.Write(b, new SynthOptions(300, Seed: 5));
        SynthCorpus.Write(c, new SynthOptions(300, Seed: 6));
        Assert.Equal(Digest(a), Digest(b));
        Assert.NotEqual(Digest(a), Digest(c));
    }

    [Fact]
    public void The_extractor_finds_what_the_truth_says_at_default_noise()
    {
        var dir = TestPaths.NewTempDir("synth-accuracy");
        var summary = SynthCorpus.Write(dir, new SynthOptions(1500, Seed: 11));
        var truth = SynthCorpus.ReadTruth(dir);
        Assert.Equal(1500, truth.Count);
        int tp = 0, fp = 0, fn = 0;
        foreach (var (file, _, cited) in truth)
        {
            var doc = Extractor.Default.Extract(FileSource.Read(Path.Combine(dir, file)));
            var expected = cited.Select(x => (x.Kind, x.Target)).ToHashSet();
            var found = doc.Citations.Where(x => x.Target is not null).Select(x => (ExtractionJson.Name(x.Kind), x.Target!)).ToHashSet();
            tp += expected.Count(found.Contains);
            fp += found.Count(x => !expected.Contains(x));
            fn += expected.Count(x => !found.Contains(x));
        }

        var precision = (double)tp / (tp + fp);
        var recall = (double)tp / (tp + fn);
        Assert.True(tp > 2000, $"{tp} citations matched of {summary.Citations}");
        Assert.True(precision >= 0.99, $"precision {precision:0.000}");
        Assert.True(recall >= 0.98, $"recall {recall:0.000}");
    }

    [Fact]
    public void The_citation_network_is_heavy_tailed_with_chains_of_answers_and_it_builds()
    {
        var dir = TestPaths.NewTempDir("synth-build");
        SynthCorpus.Write(Path.Combine(dir, "in"), new SynthOptions(1000, Seed: 2));
        var perTarget = SynthCorpus.ReadTruth(Path.Combine(dir, "in")).SelectMany(t => t.Citations).Where(x => x.Kind == "motion")
            .GroupBy(x => x.Target).Select(g => g.Count()).OrderDescending().ToList();
        var median = perTarget[perTarget.Count / 2];
        Assert.True(perTarget[0] >= 10 * median, $"most cited {perTarget[0]}, median {median}");

        using var store = KvStore.Open(Path.Combine(dir, "kv.db"));
        var report = BuildPipeline.Run(store, [Path.Combine(dir, "in")]);
        Assert.Empty(report.Failures);
        var graph = store.LoadGraph();

        // Motions the corpus holds are cited as documents, not placeholders; an answer cited by zaak is the earlier answer.
        var motionCites = graph.Edges.Where(e => e.Type == EdgeType.Cites && e.Target.StartsWith("kst-", StringComparison.Ordinal) && graph.Find(e.Target)?.Label == NodeLabel.Motion).ToList();
        Assert.NotEmpty(motionCites);
        Assert.Contains(graph.Edges, e => e.Type == EdgeType.Cites && graph.Find(e.Source)?.Label == NodeLabel.Answer && graph.Find(e.Target)?.Label is NodeLabel.Answer or NodeLabel.Question);
    }

    [Fact]
    public void An_answers_topics_are_the_categories_of_its_Onderwerpen_line_and_no_word_of_a_phrase_becomes_a_topic()
    {
        // The line used to repeat the subject ("de tarieven van het openbaar vervoer"), and the reader, which splits the
        // run of category names openkamer writes, made a topic of every word: topic:de was asserted by two answers in three.
        var dir = TestPaths.NewTempDir("synth-topics");
        SynthCorpus.Write(Path.Combine(dir, "in"), new SynthOptions(600, Seed: 4));
        using var store = KvStore.Open(Path.Combine(dir, "kv.db"));
        Assert.Empty(BuildPipeline.Run(store, [Path.Combine(dir, "in")]).Failures);
        var graph = store.LoadGraph();

        var metadataTopics = graph.Edges.Where(e => e.Type == EdgeType.About && Equals(e.Properties.GetValueOrDefault("source"), "metadata"))
            .ToLookup(e => e.Source, e => graph.Find(e.Target)!.Name!);
        var truth = SynthCorpus.ReadTruth(Path.Combine(dir, "in"));
        var answers = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            if (graph.Find(truth[i].Id)?.Label != NodeLabel.Answer)
            {
                continue;
            }

            answers++;
            Assert.Equal(SynthCorpus.TopicsOf(i, 4).Order(StringComparer.Ordinal), metadataTopics[truth[i].Id].Order(StringComparer.Ordinal));
        }

        Assert.True(answers >= 400, $"{answers} answers");
        var topics = graph.Nodes.Where(n => n.Label == NodeLabel.Topic).Select(n => n.Name!).ToList();
        Assert.DoesNotContain(topics, t => t.Length <= 3 || t is "het" or "van" or "een" or "over" or "rond" or "voor");
        Assert.True(topics.Count(t => SynthCorpus.Categories.Contains(t)) >= SynthCorpus.Categories.Length - 2, string.Join(", ", topics));
    }

    private static string Digest(string folder) =>
        Convert.ToHexString(SHA256.HashData(Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllBytes(f).Concat(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, f)))).ToArray()));
}
