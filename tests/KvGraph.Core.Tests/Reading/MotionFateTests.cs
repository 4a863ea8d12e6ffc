using KvGraph.Core.Extraction;
using KvGraph.Core.Reading;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Reading;

/// <summary>A motion's fate from its open-data record: outcome, how it was voted on, the counts, the cabinet's advice.</summary>
public sealed class MotionFateTests
{
    /// <summary>Decisions as the records write them (counts over the 7,071 records in the comments).</summary>
    public static TheoryData<string, string> Decisions => new()
    {
        // 3,894 records
        { "Stemmen - aangenomen", "aangenomen" },
        // 3,175 records
        { "Stemmen - verworpen", "verworpen" },
        // the API's other decisions on motions
        { "Aangehouden (tijdens de vergadering)", "aangehouden" },
        { "Ingetrokken", "ingetrokken" },
        // 2 records: a roll call whose decision names no outcome
        { "Stemmen", "stemmen" },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void The_outcome_is_read_from_the_decision(string decision, string outcome) =>
        Assert.Equal(outcome, MotionRecordReader.Outcome(decision));

    public static TheoryData<string, string, string, int, int, int, string> Records => new()
    {
        // the example: rejected by show of hands, 32 for and 117 against, advised against by the cabinet
        { "2022Z00782", "verworpen", "Met handopsteken", 32, 117, 0, "Ontraden" },
        // adopted, left to the House: the record whose text is kst-31288-1013
        { "2023Z01490", "aangenomen", "Met handopsteken", 125, 25, 0, "Oordeel Kamer" },
    };

    [SkippableTheory]
    [MemberData(nameof(Records))]
    public void A_real_record_carries_its_fate(string zaak, string outcome, string voteKind, int votesFor, int votesAgainst, int votesOther, string advice)
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the corpus is not at {TestPaths.CorpusRaw}");
        var line = File.ReadLines(Path.Combine(TestPaths.CorpusRaw, "tkmoties-index", "moties_2022_2023.jsonl"))
            .Single(l => l.Contains($"\"Nummer\": \"{zaak}\"", StringComparison.Ordinal));
        var doc = Extractor.Default.Extract(new SourceDocument($"{zaak}.json", line));
        var fate = Assert.IsType<Model.MotionFate>(doc.Doc.Fate);
        Assert.Equal(outcome, fate.Outcome);
        Assert.Equal(voteKind, fate.VoteKind);
        Assert.Equal(votesFor, fate.VotesFor);
        Assert.Equal(votesAgainst, fate.VotesAgainst);
        Assert.Equal(votesOther, fate.VotesOther);
        Assert.Equal(advice, fate.CabinetAdvice);

        // The extract contract gains doc.fate, and the graph node carries it as properties.
        using var json = System.Text.Json.JsonDocument.Parse(ExtractionJson.Serialize(doc));
        var written = json.RootElement.GetProperty("doc").GetProperty("fate");
        Assert.Equal(outcome, written.GetProperty("outcome").GetString());
        Assert.Equal(votesFor, written.GetProperty("for").GetInt32());
        Assert.Equal(votesAgainst, written.GetProperty("against").GetInt32());
        var node = KvGraph.Core.Graph.GraphFacts.Facts(doc).Nodes.Single(n => n.Id == doc.Doc.Id);
        Assert.Equal(outcome, node.Properties["outcome"]);
        Assert.Equal((long)votesFor, node.Properties["votesFor"]);
        Assert.Equal(advice, node.Properties["cabinetAdvice"]);
    }
}
