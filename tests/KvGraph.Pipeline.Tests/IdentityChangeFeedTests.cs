using KvGraph.Core.Graph;
using KvGraph.Store;
using KvGraph.TestSupport;

namespace KvGraph.Pipeline.Tests;

/// <summary>
/// Identity that depends on other files stays right in incremental builds: when a file arrives that changes how another
/// file's facts resolve (a motion's text that its open-data record merges into), that other file is in the change feed
/// too, so a push replaces its facts.
/// </summary>
public sealed class IdentityChangeFeedTests
{
    [SkippableFact]
    public void A_motion_text_arriving_after_its_record_merges_them_and_re_sends_the_record()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the corpus is not at {TestPaths.CorpusRaw}");
        var dir = TestPaths.NewTempDir("kvgraph-identity-feed");
        var input = Path.Combine(dir, "input");
        Directory.CreateDirectory(input);

        // The open-data record of 2023Z01490 alone, as a one-line JSON Lines file (read from the corpus, never committed).
        var record = File.ReadLines(Path.Combine(TestPaths.CorpusRaw, "tkmoties-index", "moties_2022_2023.jsonl"))
            .Single(l => l.Contains("\"Nummer\": \"2023Z01490\"", StringComparison.Ordinal));
        var records = Path.Combine(input, "records.jsonl");
        File.WriteAllText(records, record + "\n");

        using var store = KvStore.Open(Path.Combine(dir, "kv.db"));
        BuildPipeline.Run(store, [input]);
        Assert.Equal("zaak:2023Z01490", store.LoadGraph().Find("2023Z01490")!.Id);
        var before = store.CurrentVersion;

        // The motion's text arrives: the record is now the text's alias, and the record's file is re-sent.
        File.Copy(Path.Combine(TestPaths.CorpusRaw, "moties-toegelicht", "motions", "kst-31288-1013.txt"), Path.Combine(input, "kst-31288-1013.txt"));
        BuildPipeline.Run(store, [input]);
        var node = store.LoadGraph().Find("2023Z01490")!;
        Assert.Equal("kst-31288-1013", node.Id);
        Assert.Contains("zaak:2023Z01490", node.Properties["aliases"] as string, StringComparison.Ordinal);

        var changed = store.FactsChangedSince(before).ToList();
        var resent = Assert.Single(changed, f => f.File == Path.GetFullPath(records));
        Assert.Contains(resent.Nodes, n => n.Id == "kst-31288-1013");
        Assert.DoesNotContain(resent.Nodes, n => n.Id == "zaak:2023Z01490");
        Assert.Contains(resent.Edges, e => e.Source == "kst-31288-1013" && e.Type == EdgeType.SubmittedBy);
    }

    [SkippableFact]
    public void The_first_item_of_a_sitting_arriving_dates_the_others_and_re_sends_them()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the corpus is not at {TestPaths.CorpusRaw}");
        var dir = TestPaths.NewTempDir("kvgraph-sitting-feed");
        var input = Path.Combine(dir, "input");
        Directory.CreateDirectory(input);
        var sitting = Path.Combine(TestPaths.CorpusRaw, "handelingen-xml-2018");

        // The stemmingen item alone: the XML dates only the sitting's first item, so this one has no day and nor has its vote.
        var votes = Path.Combine(input, "h-tk-20172018-70-6.xml");
        File.Copy(Path.Combine(sitting, "h-tk-20172018-70-6.xml"), votes);
        using var store = KvStore.Open(Path.Combine(dir, "kv.db"));
        BuildPipeline.Run(store, [input]);
        Assert.False(store.LoadGraph().Find("h-tk-20172018-70-6")!.Properties.ContainsKey("date"));
        Assert.Null(store.LoadGraph().Fate("kst-21501-08-721")!.VoteDate);
        var before = store.CurrentVersion;

        // The first item arrives: every item of sitting 70 is of 5 April 2018, the vote too, and the stemmingen item is re-sent dated.
        File.Copy(Path.Combine(sitting, "h-tk-20172018-70-1.xml"), Path.Combine(input, "h-tk-20172018-70-1.xml"));
        BuildPipeline.Run(store, [input]);
        var graph = store.LoadGraph();
        Assert.Equal("2018-04-05", graph.Find("h-tk-20172018-70-6")!.Properties["date"]);
        Assert.Equal("2018-04-05", graph.Fate("kst-21501-08-721")!.VoteDate);
        var resent = Assert.Single(store.FactsChangedSince(before), f => f.File == Path.GetFullPath(votes));
        Assert.Equal("2018-04-05", resent.Nodes.Single(n => n.Id == "h-tk-20172018-70-6").Properties["date"]);
    }
}
