using System.Text.Json;
using KvGraph.Core.Extraction;
using KvGraph.Core.Graph;
using KvGraph.Core.Model;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Graph;

/// <summary>
/// A motion's fate over its sources: the open-data record (reduced, as in the corpus, or as the API returns it with
/// per-party Stemming rows and its Kamerstuk number) and the Handelingen' record of the vote. One node carries all of
/// them; where they disagree, the disagreement is kept and spelled out.
/// </summary>
public sealed class MotionsTests
{
    private static string ApiRecord => Path.Combine(TestPaths.Fixtures, "motions", "zaak-kst-21501-08-721.json");

    private static string Sitting => TestPaths.Corpus("handelingen-xml-2018", "h-tk-20172018-70-6.xml");

    [Fact]
    public void An_api_record_gives_per_party_votes_the_counts_and_its_kamerstuk()
    {
        var doc = Extract(ApiRecord);
        var fate = Assert.IsType<MotionFate>(doc.Doc.Fate);
        Assert.Equal("aangenomen", fate.Outcome);

        // The counts are the parties' seats summed by side: 128 for, 22 against (PVV 20, FvD 2).
        Assert.Equal(128, fate.VotesFor);
        Assert.Equal(22, fate.VotesAgainst);
        Assert.Equal(0, fate.VotesOther);
        Assert.Equal(13, fate.PartyVotes.Count);
        Assert.Equal(new PartyVote("PVV", "tegen", 20), fate.PartyVotes.Single(p => p.Party == "PVV"));
        Assert.Equal(new PartyVote("VVD", "voor", 33), fate.PartyVotes.Single(p => p.Party == "VVD"));

        // Kamerstukdossier 21501 + Toevoeging 08 and the Document's Volgnummer 721 are the motion's Kamerstuk.
        Assert.Contains("kst-21501-08-721", doc.Doc.OwnIds);
        Assert.Equal("21501-08", doc.Doc.Dossier);

        // The extract contract carries the parties under doc.fate.parties.
        using var json = JsonDocument.Parse(ExtractionJson.Serialize(doc));
        var parties = json.RootElement.GetProperty("doc").GetProperty("fate").GetProperty("parties");
        Assert.Equal(13, parties.GetArrayLength());
        Assert.Contains(parties.EnumerateArray(), p => p.GetProperty("party").GetString() == "FvD" && p.GetProperty("vote").GetString() == "tegen" && p.GetProperty("seats").GetInt32() == 2);
    }

    [Fact]
    public void A_vergissing_is_kept_on_the_party_vote()
    {
        var text = File.ReadAllText(ApiRecord).Replace("\"ActorFractie\": \"SGP\",\n     \"Vergissing\": false", "\"ActorFractie\": \"SGP\",\n     \"Vergissing\": true", StringComparison.Ordinal);
        Assert.Contains("\"Vergissing\": true", text, StringComparison.Ordinal);
        var fate = Extractor.Default.Extract(new SourceDocument("zaak.json", text)).Doc.Fate!;
        Assert.True(fate.PartyVotes.Single(p => p.Party == "SGP").Mistake);
        Assert.False(fate.PartyVotes.Single(p => p.Party == "VVD").Mistake);
    }

    [SkippableFact]
    public void The_record_and_the_handelingen_are_one_motion_whose_sources_agree()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the corpus is not at {TestPaths.CorpusRaw}");
        var graph = CitationGraphs.FromDocuments([Extract(ApiRecord), Extract(Sitting)]);

        // The record names its Kamerstuk, so the Handelingen' kst-21501-08-721 and the record are one node.
        var fate = Assert.IsType<MotionFateView>(graph.Fate("kst-21501-08-721"));
        Assert.Same(graph.Find("zaak:2018Z99721"), graph.Find(fate.MotionId));
        Assert.Equal("aangenomen", fate.Outcome);
        Assert.Equal([Motions.OpenData, Motions.Handelingen], fate.Claims.Select(c => c.SourceKind));
        Assert.Empty(fate.Disagreements);

        // The record's rows (with seats) are shown; the sitting's day comes from the Handelingen.
        Assert.Equal(13, fate.PartyVotes.Count);
        Assert.Equal(33, fate.PartyVotes.Single(p => p.Party == "VVD").Seats);
        Assert.Equal("Wassenberg", Assert.Single(fate.Sponsors).Name);
        Assert.Equal("Partij voor de Dieren", fate.Sponsors[0].Party);
    }

    [SkippableFact]
    public void Sources_that_disagree_are_both_kept_and_the_disagreement_named()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the corpus is not at {TestPaths.CorpusRaw}");

        // A record that says the motion was rejected with the PVV for, against the Handelingen' adopted with the PVV against.
        var contrary = File.ReadAllText(ApiRecord)
            .Replace("Stemmen - aangenomen", "Stemmen - verworpen", StringComparison.Ordinal)
            .Replace("\"Soort\": \"Tegen\",\n     \"FractieGrootte\": 20", "\"Soort\": \"Voor\",\n     \"FractieGrootte\": 20", StringComparison.Ordinal);
        Assert.Contains("\"Soort\": \"Voor\",\n     \"FractieGrootte\": 20", contrary, StringComparison.Ordinal);
        var record = Extractor.Default.Extract(new SourceDocument("zaak-contrary.json", contrary));
        var graph = CitationGraphs.FromDocuments([record, Extract(Sitting)]);
        var fate = graph.Fate("kst-21501-08-721")!;

        // The record is preferred for the headline, the Handelingen' claim is kept, and both disagreements are named.
        Assert.Equal("verworpen", fate.Outcome);
        Assert.Equal(["verworpen", "aangenomen"], fate.Claims.Select(c => c.Outcome));
        Assert.Contains(fate.Disagreements, d => d.StartsWith("outcome: verworpen (open-data record", StringComparison.Ordinal) && d.Contains("aangenomen (Handelingen h-tk-20172018-70-6)", StringComparison.Ordinal));
        Assert.DoesNotContain(fate.Disagreements, d => d.StartsWith("PVV", StringComparison.Ordinal)); // the sitting names no PVV vote
        Assert.Equal(1, Motions.Stats(graph).Disputed);
    }

    [SkippableFact]
    public void The_timeline_runs_from_submission_through_the_vote()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the corpus is not at {TestPaths.CorpusRaw}");
        var graph = CitationGraphs.FromDocuments([Extract(ApiRecord), Extract(Sitting)]);
        var timeline = graph.Timeline("kst-21501-08-721");

        // Submitted 3 April 2018; both sources' votes; the sitting that records the vote is the vote, not a later citation.
        Assert.Equal("submitted", timeline[0].Kind);
        Assert.Equal("2018-04-03", timeline[0].Date);
        var vote = timeline.Single(e => e.Kind == "vote" && e.DocumentId == "h-tk-20172018-70-6");
        Assert.StartsWith("Ik constateer", vote.Quote, StringComparison.Ordinal);
        Assert.DoesNotContain(timeline, e => e.Kind == "cited" && e.DocumentId == "h-tk-20172018-70-6");
        Assert.Equal(timeline.Select(e => e.Date.Length == 0 ? "2018-04-03" : e.Date).Order(StringComparer.Ordinal), timeline.Select(e => e.Date.Length == 0 ? "2018-04-03" : e.Date));
    }

    [SkippableFact]
    public void A_timeline_from_a_fate_and_cited_by_worked_out_once_is_the_same_timeline()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the corpus is not at {TestPaths.CorpusRaw}");
        var graph = CitationGraphs.FromDocuments([Extract(ApiRecord), Extract(Sitting)]);
        var fate = Assert.IsType<MotionFateView>(graph.Fate("kst-21501-08-721"));

        // show works the fate and cited-by out once and hands them on: the events are those of the one-call timeline.
        var once = graph.TimelineFrom(fate, graph.CitedBy(fate.MotionId));
        Assert.Equal(graph.Timeline("kst-21501-08-721"), once);
        Assert.Contains(once, e => e.Kind == "vote");

        // An empty cited-by list leaves out the citations only.
        var bare = graph.TimelineFrom(fate, []);
        Assert.Equal(once.Where(e => e.Kind != "cited"), bare);
    }

    [SkippableFact]
    public void The_list_filters_agree_with_the_open_data_records()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the corpus is not at {TestPaths.CorpusRaw}");
        var path = TestPaths.Corpus("tkmoties-index", "moties_2022_2023.jsonl");
        var lines = File.ReadAllLines(path);
        var graph = CitationGraphs.FromDocuments(lines.Select((l, i) => Extractor.Default.Extract(new SourceDocument($"{path}#{i + 1}", l))));

        // Counted straight from the JSON, independently of the reader: rejected and advised against by the cabinet.
        var expected = lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.TryGetProperty("Kabinetsappreciatie", out var a) && a.GetString() == "Ontraden"
                && r.GetProperty("Besluit").EnumerateArray().LastOrDefault(b => b.TryGetProperty("BesluitSoort", out _)) is { ValueKind: JsonValueKind.Object } last
                && last.GetProperty("BesluitSoort").GetString() == "Stemmen - verworpen")
            .Select(r => $"zaak:{r.GetProperty("Nummer").GetString()}")
            .Order(StringComparer.Ordinal).ToList();
        var listed = graph.List(new MotionFilter { Outcome = "verworpen", CabinetAdvice = "ontraden" }).Select(m => m.Id).Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Count > 1000, $"{expected.Count} records");
        Assert.Equal(expected, listed);

        // A sponsor's party; a date range; both together.
        var gl = graph.List(new MotionFilter { SponsorParty = "GL" });
        Assert.Contains(gl, m => m.Id == "zaak:2022Z00782");
        Assert.All(gl, m => Assert.Contains(m.Sponsors, s => s.PartyId == "party:gl"));
        var january = graph.List(new MotionFilter { From = "2022-01-01", To = "2022-01-31" });
        Assert.NotEmpty(january);
        Assert.All(january, m => Assert.InRange(string.CompareOrdinal(m.Date, "2022-01-01"), 0, int.MaxValue));
        Assert.All(january, m => Assert.True(string.CompareOrdinal(m.Date, "2022-01-31") <= 0, m.Date));
        Assert.Equal(lines.Count(l => l.Contains("\"GestartOp\": \"2022-01-", StringComparison.Ordinal)), january.Count);
        Assert.Throws<DocumentFilterException>(() => graph.List(new MotionFilter { From = "januari" }));

        // Stats: adopted and rejected as the records count them; nothing cites these records, so none is cited later.
        var stats = Motions.Stats(graph);
        Assert.Equal(lines.Count(l => l.Contains("\"Stemmen - aangenomen\"", StringComparison.Ordinal)), stats.Adopted);
        Assert.Equal(0, stats.AdoptedCitedAfter);
        Assert.Equal(stats.Adopted, graph.List(new MotionFilter { AdoptedNeverCitedSince = true }).Count);
    }

    private static ExtractedDocument Extract(string file) => Extractor.Default.Extract(new SourceDocument(file, File.ReadAllText(file)));
}
