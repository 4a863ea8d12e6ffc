using System.Globalization;
using KvGraph.Core.Entities;
using KvGraph.Core.Entities.People;
using KvGraph.Core.Extraction;
using KvGraph.Core.Graph;
using KvGraph.Core.Model;
using KvGraph.Core.Resolution;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Graph;

/// <summary>People and parties in the assembled graph: one node per person, parties at the document's date, no raw ids, no file-order effects.</summary>
public sealed class PeopleGraphTests
{
    private static readonly Lazy<IReadOnlyList<ExtractedDocument>> CorpusDocs = new(LoadCorpusDocs);

    [Fact]
    public void The_same_facts_in_two_file_orders_give_identical_nodes_and_edges()
    {
        var docs = GraphTestData.All;
        var resolver = Resolver.Create(docs.SelectMany(DocumentAliases.For));
        var facts = docs.Select(GraphFacts.Facts).ToList();
        var forward = CitationGraphs.Assemble(facts, resolver);
        var backward = CitationGraphs.Assemble(Enumerable.Reverse(facts), resolver);
        Assert.Equal(Snapshot(forward), Snapshot(backward));
        Assert.Contains(forward.Nodes, n => n.Label == NodeLabel.Person);
    }

    [Fact]
    public void Seed_motion_sponsor_and_asker_are_one_person_with_no_party_property_on_the_person()
    {
        var graph = CitationGraphs.FromDocuments(GraphTestData.All);
        const string tom = "person:van-den-nieuwenhuijzen-wittens";
        Assert.Null(graph.Find("person:van-den-nieuwenhuijzen"));
        Assert.Contains(graph.Outgoing("kst-21501-20-1591", EdgeType.SubmittedBy), e => e.Target == tom);
        Assert.Contains(graph.Outgoing("kv-tk-2021Z02286", EdgeType.AskedBy), e => e.Target == tom);
        Assert.All(graph.Nodes.Where(n => n.Label == NodeLabel.Person), n => Assert.False(n.Properties.ContainsKey("party"), n.Id));
        var gl = Assert.Single(graph.Outgoing(tom, EdgeType.MemberOf));
        Assert.Equal("party:gl", gl.Target);
        Assert.Equal("2021-02-04", gl.Properties["from"]);
    }

    [Fact]
    public void Per_file_facts_as_pushed_name_the_same_people_as_the_assembled_graph()
    {
        var docs = GraphTestData.All;
        var resolver = Resolver.Create(docs.SelectMany(DocumentAliases.For));
        var raw = docs.Select(GraphFacts.Facts).ToList();
        var graph = CitationGraphs.Assemble(raw, resolver);
        var people = PersonDirectory.Of(raw.SelectMany(f => f.Nodes), raw.SelectMany(f => f.Edges));
        Assert.Equal("person:van-den-nieuwenhuijzen-wittens", people.ShortForms["person:van-den-nieuwenhuijzen"].Id);
        var pushed = raw.Select(f => people.Apply(FactsResolver.Resolve(f, resolver))).ToList();
        var pushedPeople = pushed.SelectMany(f => f.Nodes).Where(n => n.Label == NodeLabel.Person).Select(n => n.Id).Distinct().Order(StringComparer.Ordinal);
        var graphPeople = graph.Nodes.Where(n => n.Label == NodeLabel.Person).Select(n => n.Id).Order(StringComparer.Ordinal);
        Assert.Equal(graphPeople, pushedPeople);
    }

    [Fact]
    public void Membership_is_dated_and_the_party_at_a_date_is_the_one_whose_evidence_spans_it()
    {
        GraphEdge M(string party, string from, string to) =>
            new("person:x", party, EdgeType.MemberOf, new Dictionary<string, object?> { ["from"] = from, ["to"] = to });
        var edges = new[] { M("party:gl", "2022-01-19", "2023-07-04"), M("party:gl-pvda", "2023-12-06", "2024-05-01") };
        Assert.Equal("party:gl", PartyMembership.PartyAt(edges, "2022-03-01")); // inside the GroenLinks span
        Assert.Equal("party:gl-pvda", PartyMembership.PartyAt(edges, "2024-02-01")); // inside the merged party's span
        Assert.Equal("party:gl", PartyMembership.PartyAt(edges, "2023-08-01")); // between: the nearer span
        Assert.Equal("party:gl-pvda", PartyMembership.PartyAt(edges, null)); // no date: the latest
        Assert.Null(PartyMembership.PartyAt([], "2022-01-01"));

        // Folding per-file evidence gives the same span whatever the order.
        GraphEdge D(string date) => new("person:x", "party:gl", EdgeType.MemberOf, PartyMembership.EdgeProperties(date));
        var a = PartyMembership.Aggregate([D("2023-01-01"), D("2022-01-19"), D("2023-07-04")]).Single();
        var b = PartyMembership.Aggregate([D("2023-07-04"), D("2023-01-01"), D("2022-01-19")]).Single();
        Assert.Equal(("2022-01-19", "2023-07-04"), ((string)a.Properties["from"]!, (string)a.Properties["to"]!));
        Assert.Equal(a.Properties.OrderBy(p => p.Key), b.Properties.OrderBy(p => p.Key));
    }

    [SkippableFact]
    public void Real_corpus_Klaver_is_GroenLinks_on_a_2022_motion_and_GroenLinks_PvdA_on_his_2024_question()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, "the real corpus is not beside the clone");
        var graph = CitationGraphs.FromDocuments(CorpusDocs.Value);
        var klaver = graph.Find("person:klaver");
        Assert.NotNull(klaver);
        Assert.Equal("Klaver", klaver.Name);
        var memberships = graph.Outgoing("person:klaver", EdgeType.MemberOf).ToList();
        Assert.Contains(memberships, e => e.Target == "party:gl-pvda"); // "Vragen van het lid Klaver (GroenLinks-PvdA)", 2023–24

        // The 2022 motion record 2022Z00782 (J.F. Klaver, GroenLinks) among its sponsors.
        var motion = graph.Find("zaak:2022Z00782");
        Assert.NotNull(motion);
        Assert.Contains(graph.Outgoing(motion.Id, EdgeType.SubmittedBy), e => e.Target == "person:klaver");
        var date = (string)motion.Properties["date"]!;
        Assert.StartsWith("2022-", date, StringComparison.Ordinal);
        Assert.Equal("GroenLinks", Parties.DisplayName(PartyMembership.PartyAt(memberships, date)));
        Assert.Equal("GroenLinks-PvdA", Parties.DisplayName(PartyMembership.PartyAt(memberships, "2024-04-18"))); // the question's own date
        Assert.Equal("GroenLinks-PvdA", Parties.DisplayName(PartyMembership.PartyAt(memberships, "2024-06-03"))); // after it
    }

    [SkippableFact]
    public void Real_corpus_Van_den_Nieuwenhuijzen_is_one_node_and_the_two_Dekkers_stay_two()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, "the real corpus is not beside the clone");
        var graph = CitationGraphs.FromDocuments(CorpusDocs.Value);
        const string tom = "person:van-den-nieuwenhuijzen-wittens";
        Assert.Null(graph.Find("person:van-den-nieuwenhuijzen"));
        Assert.Contains(graph.Outgoing("kst-21501-20-1591", EdgeType.SubmittedBy), e => e.Target == tom);
        Assert.Contains(graph.Outgoing("kv-tk-2021Z02286", EdgeType.AskedBy), e => e.Target == tom);

        // R.J. Dekker (FVD) and H. Dekker-Abdulaziz (D66) are two members of the 2022–23 records.
        Assert.Equal(["party:fvd"], graph.Outgoing("person:dekker", EdgeType.MemberOf).Select(e => e.Target).Distinct());
        Assert.Equal(["party:d66"], graph.Outgoing("person:dekker-abdulaziz", EdgeType.MemberOf).Select(e => e.Target).Distinct());
    }

    [SkippableFact]
    public void Real_corpus_people_and_parties_show_no_raw_party_id_and_do_not_depend_on_file_order()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, "the real corpus is not beside the clone");
        var docs = CorpusDocs.Value;
        var forward = CitationGraphs.FromDocuments(docs);
        var backward = CitationGraphs.FromDocuments(docs.Reverse());
        Assert.Equal(Snapshot(forward), Snapshot(backward));
        foreach (var n in forward.Nodes.Where(n => n.Label is NodeLabel.Person or NodeLabel.Party))
        {
            Assert.DoesNotContain("party:", n.Name ?? string.Empty, StringComparison.Ordinal);
            Assert.All(n.Properties.Where(p => p.Key != "id"), p => Assert.DoesNotContain("party:", Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal));
        }

        Assert.Equal("Volt", forward.Find("party:volt")?.Name); // L.A.J.M. Dassen's party in 2022Z00782
        Assert.Equal("BIJ1", forward.Find("party:bij1")?.Name); // S.H. Simons's
    }

    // Seed 000 (the motion citation "motie Van den Nieuwenhuijzen c.s." and the asker), the 2023–24 Aanhangsel by Klaver
    // (GroenLinks-PvdA), and every open-data motion record naming Klaver or Dekker.
    private static IReadOnlyList<ExtractedDocument> LoadCorpusDocs()
    {
        var docs = new List<ExtractedDocument> { GraphTestData.Seed000 };
        var aanhangsel = TestPaths.Corpus("learninglion-kamervragen", "txt", "1bd47dc8-229e-4a1a-a405-8e2672436e1f.txt");
        docs.Add(Extractor.Default.Extract(new SourceDocument(aanhangsel, File.ReadAllText(aanhangsel))));
        var records = TestPaths.Corpus("tkmoties-index", "moties_2022_2023.jsonl");
        var line = 0;
        foreach (var text in File.ReadLines(records))
        {
            line++;
            if (text.Contains("Klaver", StringComparison.Ordinal) || text.Contains("Dekker", StringComparison.Ordinal))
            {
                docs.Add(Extractor.Default.Extract(new SourceDocument($"{records}#{line}", text)));
            }
        }

        return docs;
    }

    private static List<string> Snapshot(ICitationGraph graph) =>
    [
        .. graph.Nodes.Select(n => $"N {n.Id}|{n.Label}|{n.Name}|{Props(n.Properties)}").Order(StringComparer.Ordinal),
        .. graph.Edges.Select(e => $"E {e.Source}|{e.Target}|{e.Type}|{Props(e.Properties)}").Order(StringComparer.Ordinal),
    ];

    private static string Props(IReadOnlyDictionary<string, object?> props) =>
        string.Join(";", props.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Convert.ToString(p.Value, CultureInfo.InvariantCulture)}"));
}
