using System.Text.Json;
using KvGraph.Core.Graph;
using KvGraph.Web.Data;
using KvGraph.Web.Tests.Support;

namespace KvGraph.Web.Tests.Api;

/// <summary>
/// Motions' fate in the explorer API on the real corpus: the open-data record of 2022Z00782, the 2018 Handelingen vote
/// on kst-21501-08-721, the list with the CLI's filters and the counts. Expected lists and counts are asked of Core's
/// one implementation (<see cref="Motions"/>) over the same graph; the named facts are read from the corpus files.
/// </summary>
[Collection(CorpusCollection.Name)]
public sealed class MotionApiTests(RealCorpus corpus) : ExplorerClient(() => new ExplorerFactory(corpus.Source, corpus.StorePath))
{
    [SkippableFact]
    public async Task A_rejected_motion_from_its_open_data_record_has_outcome_votes_advice_and_sponsors_with_parties()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var m = await GetJson("/api/motion?id=" + Enc("zaak:2022Z00782"));
        var fate = m.GetProperty("fate");
        Assert.Equal("verworpen", fate.Str("outcome"));
        Assert.Equal(32, fate.GetProperty("votesFor").GetInt32());
        Assert.Equal(117, fate.GetProperty("votesAgainst").GetInt32());
        Assert.Equal(0, fate.GetProperty("votesOther").GetInt32());
        Assert.Equal("Ontraden", fate.Str("cabinetAdvice"));
        Assert.Equal("Met handopsteken", fate.Str("voteKind"));
        var claim = Assert.Single(fate.Items("claims"));
        Assert.Equal(Motions.OpenData, claim.Str("sourceKind"));
        Assert.Empty(fate.Items("disagreements"));

        // The four sponsors, each with their party on the motion's date.
        var parties = m.Items("sponsors").Select(s => s.Str("party")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["BIJ1", "GroenLinks", "PvdA", "Volt"], parties);
        Assert.Contains(m.Items("sponsors"), s => s.Str("name") == "Klaver" && s.Str("party") == "GroenLinks");

        // The title is the record's, never the id or the text "null".
        Assert.StartsWith("Motie van het lid Simons c.s.", m.Str("title"), StringComparison.Ordinal);

        // Its timeline: submitted, then the record's vote.
        var kinds = m.Items("timeline").Select(t => t.Str("kind")).ToList();
        Assert.Equal(["submitted", "vote"], kinds);
        Assert.Equal("2022-01-19", m.Items("timeline").First().Str("date"));
    }

    [SkippableFact]
    public async Task A_motion_voted_in_the_handelingen_has_per_party_votes_the_others_vote_and_the_dated_vote_event()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var m = await GetJson("/api/motion?id=kst-21501-08-721");
        var fate = m.GetProperty("fate");
        Assert.Equal("aangenomen", fate.Str("outcome"));
        Assert.Equal("2018-04-05", fate.Str("voteDate"));
        Assert.Equal("tegen", fate.Str("othersVoted"));

        // Eleven parties for, named by the chair; every one from the sitting's record.
        var votes = fate.Items("partyVotes").ToList();
        Assert.Equal(11, votes.Count);
        Assert.All(votes, v => Assert.Equal("voor", v.Str("vote")));
        Assert.All(votes, v => Assert.Equal("h-tk-20172018-70-6", v.Str("source")));
        Assert.Contains(votes, v => v.Str("party") == "VVD" && v.Str("partyId") == "party:vvd");
        Assert.Contains(votes, v => v.Str("party") == "Partij voor de Dieren");

        var vote = Assert.Single(m.Items("timeline"), t => t.Str("kind") == "vote");
        Assert.Equal("2018-04-05", vote.Str("date"));
        Assert.Equal("h-tk-20172018-70-6", vote.Str("documentId"));
        Assert.True(vote.GetProperty("inCorpus").GetBoolean());
        Assert.Contains("zodat zij is aangenomen", vote.Str("quote"), StringComparison.Ordinal);

        // The placeholder is not in the corpus: its official address, and no title beyond its id.
        Assert.False(m.GetProperty("motion").GetProperty("inCorpus").GetBoolean());
        Assert.Equal(JsonValueKind.Null, m.GetProperty("title").ValueKind);
        Assert.Contains(m.Items("sponsors"), s => s.Str("name") == "Wassenberg" && s.Str("party") == "Partij voor de Dieren");

        // The sitting that records the vote is the vote, not also a citation.
        Assert.Equal(0, m.GetProperty("citedBy").GetInt32());
        Assert.DoesNotContain(m.Items("timeline"), t => t.Str("kind") == "cited");
    }

    [SkippableFact]
    public async Task Cited_by_counts_documents_not_mentions()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);

        // The letter of 18 October 2023 names adopted motion 2022Z23878 twice: two CITES edges, one citing document.
        var edges = corpus.Graph.Incoming("zaak:2022Z23878", EdgeType.Cites).Count(e => e.Source == "letter:2023-10-18");
        Assert.Equal(2, edges);

        var adopted = await GetJson("/api/motion?id=" + Enc("zaak:2022Z23878"));
        Assert.Equal("aangenomen", adopted.GetProperty("fate").Str("outcome"));
        Assert.Equal(1, adopted.GetProperty("citedBy").GetInt32());
        Assert.Equal(1, adopted.GetProperty("citedAfterVote").GetInt32());
        var letter = Assert.Single(adopted.Items("timeline"), t => t.Str("kind") == "cited");
        Assert.Equal("letter:2023-10-18", letter.Str("documentId"));
        Assert.Equal("2023-10-18", letter.Str("date"));
        Assert.Equal("2 mentions", letter.Str("detail"));
        Assert.True(letter.GetProperty("afterVote").GetBoolean());

        // A motion text with no vote in the corpus yet, cited by one answer: one document, its quote kept.
        var m = await GetJson("/api/motion?id=kst-36197-15");
        Assert.Empty(m.GetProperty("fate").Items("claims"));
        Assert.Equal(1, m.GetProperty("citedBy").GetInt32());
        var cited = Assert.Single(m.Items("timeline"), t => t.Str("kind") == "cited");
        Assert.Equal("ah-tk-20232024-2168", cited.Str("documentId"));
        Assert.Equal("2024-07-17", cited.Str("date"));
        Assert.Contains("Kamerstuk 36 197, nr. 15", cited.Str("quote"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_list_filters_by_outcome_and_advice_as_core_does_with_the_true_total()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var expected = corpus.Graph.List(new MotionFilter { Outcome = "verworpen", CabinetAdvice = "Ontraden" });
        Assert.NotEmpty(expected);

        var list = await GetJson("/api/motions?outcome=verworpen&advice=Ontraden&pageSize=50");
        Assert.Equal(expected.Count, list.GetProperty("total").GetInt32());
        Assert.Equal(1, list.GetProperty("page").GetInt32());
        var items = list.Items("items").ToList();
        Assert.Equal(Math.Min(50, expected.Count), items.Count);
        Assert.Equal(expected.Take(50).Select(x => x.Id), items.Select(i => i.Str("id")));
        Assert.All(items, i => Assert.Equal("verworpen", i.Str("outcome")));
        Assert.All(items, i => Assert.Equal("Ontraden", i.Str("cabinetAdvice")));

        // Page 2 continues where page 1 stopped; a page past the end is empty but keeps the total.
        var second = await GetJson("/api/motions?outcome=verworpen&advice=Ontraden&pageSize=50&page=2");
        Assert.Equal(expected.Skip(50).Take(50).Select(x => x.Id), second.Items("items").Select(i => i.Str("id")));
        var past = await GetJson("/api/motions?outcome=verworpen&advice=Ontraden&pageSize=100&page=1000");
        Assert.Empty(past.Items("items"));
        Assert.Equal(expected.Count, past.GetProperty("total").GetInt32());

        // Case does not matter, as in the CLI; "unknown" lists motions without an outcome.
        Assert.Equal(expected.Count, (await GetJson("/api/motions?outcome=VERWORPEN&advice=ontraden")).GetProperty("total").GetInt32());
        var unknown = await GetJson("/api/motions?outcome=unknown");
        Assert.Equal(corpus.Graph.List(new MotionFilter { Outcome = "unknown" }).Count, unknown.GetProperty("total").GetInt32());
        Assert.All(unknown.Items("items"), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("outcome").ValueKind));
    }

    [SkippableFact]
    public async Task The_list_without_a_filter_is_cores_page_by_page_and_made_once_per_version()
    {
        // Every page of the list without a filter (the motions page as it opens) and the counts read one list, made once for
        // the store's version: the pages are Core's list over the same graph, in order, and a second look finds it kept.
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var expected = corpus.Graph.List(new MotionFilter());
        Assert.True(expected.Count > 50, $"{expected.Count} motions");
        var ids = new List<string>();
        for (var page = 1; ids.Count < expected.Count; page++)
        {
            var list = await GetJson($"/api/motions?pageSize=100&page={page}");
            Assert.Equal(expected.Count, list.GetProperty("total").GetInt32());
            var items = list.Items("items").Select(i => i.Str("id")!).ToList();
            Assert.NotEmpty(items);
            ids.AddRange(items);
        }

        Assert.Equal(expected.Select(m => m.Id), ids);

        // Over the corpus's source: the first page makes the list for the version, the next pages and the counts read it.
        var data = new SnapshotExplorerData(corpus.Source);
        Assert.Null(data.Current);
        var first = data.Motions(new MotionFilter(), 1, 25);
        var state = Assert.IsType<GraphVersionState>(data.Current);
        Assert.True(state.HasUnfiltered);
        var kept = state.Unfiltered(() => throw new InvalidOperationException("made again"));
        Assert.Equal(expected.Select(m => m.Id), kept.Select(m => m.Id));
        var second = data.Motions(new MotionFilter(), 2, 25);
        Assert.Equal(expected.Take(25).Select(m => m.Id), first.Items.Select(m => m.Id));
        Assert.Equal(expected.Skip(25).Take(25).Select(m => m.Id), second.Items.Select(m => m.Id));
        Assert.Same(state, data.Current);
        Assert.Same(kept, state.Unfiltered(() => throw new InvalidOperationException("made again")));
    }

    [SkippableFact]
    public async Task The_list_filters_by_sponsor_party_and_dates()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);

        // Volt's motions of 19 January 2022 include 2022Z00782; every one has a Volt sponsor and that date.
        var day = await GetJson("/api/motions?party=Volt&from=2022-01-19&to=2022-01-19&pageSize=100");
        var items = day.Items("items").ToList();
        Assert.Contains(items, i => i.Str("id") == "zaak:2022Z00782");
        Assert.All(items, i => Assert.Equal("2022-01-19", i.Str("date")));
        Assert.All(items, i => Assert.Contains(i.Items("sponsors"), s => s.Str("partyId") == "party:volt"));
        Assert.Equal(corpus.Graph.List(new MotionFilter { SponsorParty = "Volt", From = "2022-01-19", To = "2022-01-19" }).Count, day.GetProperty("total").GetInt32());

        // Any spelling of the party: "GL" is GroenLinks.
        var gl = await GetJson("/api/motions?party=GL");
        Assert.Equal(corpus.Graph.List(new MotionFilter { SponsorParty = "GroenLinks" }).Count, gl.GetProperty("total").GetInt32());
        Assert.True(gl.GetProperty("total").GetInt32() > 0);

        // A year is the whole year.
        var year = await GetJson("/api/motions?from=2023&to=2023&pageSize=100");
        Assert.True(year.GetProperty("total").GetInt32() > 0);
        Assert.All(year.Items("items"), i => Assert.StartsWith("2023-", i.Str("date"), StringComparison.Ordinal));

        // The dossier, with or without its prefix.
        var dossier = await GetJson("/api/motions?dossier=21501-08");
        Assert.Equal(corpus.Graph.List(new MotionFilter { Dossier = "21501-08" }).Count, dossier.GetProperty("total").GetInt32());
        Assert.Contains(dossier.Items("items"), i => i.Str("id") == "kst-21501-08-721");
        Assert.All(dossier.Items("items"), i => Assert.Equal("dossier:21501-08", i.Str("dossier")));
    }

    [SkippableFact]
    public async Task Adopted_and_never_cited_since_is_the_complement_of_the_adopted_motions_cited_later()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var stats = (await GetJson("/api/motions/stats")).GetProperty("stats");
        var never = await GetJson("/api/motions?adoptedNeverCited=true&pageSize=100");
        Assert.Equal(stats.GetProperty("adopted").GetInt32() - stats.GetProperty("adoptedCitedAfter").GetInt32(), never.GetProperty("total").GetInt32());
        Assert.All(never.Items("items"), i => Assert.Equal("aangenomen", i.Str("outcome")));
        Assert.All(never.Items("items"), i => Assert.Equal(0, i.GetProperty("citedAfterVote").GetInt32()));

        // The letter of 18 October 2023 cites 2022Z23878 after its vote: it is not "never cited since".
        var all = corpus.Graph.List(new MotionFilter { AdoptedNeverCitedSince = true });
        Assert.DoesNotContain(all, s => s.Id == "zaak:2022Z23878");
        Assert.Contains(corpus.Graph.List(new MotionFilter { Outcome = "aangenomen" }), s => s.Id == "zaak:2022Z23878");

        // The share's numerator: adopted and cited since the vote, the two motions later documents cite.
        var cited = await GetJson("/api/motions?outcome=aangenomen&citedSinceVote=true");
        Assert.Equal(stats.GetProperty("adoptedCitedAfter").GetInt32(), cited.GetProperty("total").GetInt32());
        Assert.Contains(cited.Items("items"), i => i.Str("id") == "zaak:2022Z23878");
        Assert.All(cited.Items("items"), i => Assert.True(i.GetProperty("citedAfterVote").GetInt32() > 0));

        // decided=true keeps only motions with an outcome.
        var decided = await GetJson("/api/motions?decided=true");
        Assert.Equal(stats.GetProperty("withOutcome").GetInt32(), decided.GetProperty("total").GetInt32());
    }

    [SkippableFact]
    public async Task The_counts_are_cores_and_list_the_cabinet_advice_values()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var view = await GetJson("/api/motions/stats");
        var stats = view.GetProperty("stats");
        var expected = corpus.Graph.Stats();
        Assert.Equal(expected.Motions, stats.GetProperty("motions").GetInt32());
        Assert.Equal(expected.Adopted, stats.GetProperty("adopted").GetInt32());
        Assert.Equal(expected.Rejected, stats.GetProperty("rejected").GetInt32());
        Assert.Equal(expected.AdoptedCitedAfter, stats.GetProperty("adoptedCitedAfter").GetInt32());
        Assert.Equal(expected.ShareAdoptedCited, stats.GetProperty("shareAdoptedCited").GetDouble());
        Assert.True(expected.Adopted > 0 && expected.Rejected > 0);

        // Each advice value with the number of motions that carry it, as the list filters them.
        var ontraden = Assert.Single(view.Items("cabinetAdvice"), a => a.Str("advice") == "Ontraden");
        Assert.Equal(corpus.Graph.List(new MotionFilter { CabinetAdvice = "Ontraden" }).Count, ontraden.GetProperty("motions").GetInt32());
        Assert.Contains(view.Items("cabinetAdvice"), a => a.Str("advice") == "Oordeel Kamer");
    }

    [SkippableTheory]
    [InlineData("from=2022-13-01", "from")]
    [InlineData("to=19-01-2022", "to")]
    [InlineData("from=gisteren", "from")]
    public async Task A_bad_date_is_a_400_naming_the_field_and_the_value(string query, string field)
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var (status, problem, mediaType) = await GetProblem("/api/motions?" + query);
        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", mediaType);
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Contains(query[(field.Length + 1)..], message, StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", message, StringComparison.Ordinal);
    }
}
