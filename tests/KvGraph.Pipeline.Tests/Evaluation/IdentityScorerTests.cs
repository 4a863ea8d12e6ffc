using KvGraph.Core.Extraction;
using KvGraph.Core.Graph;
using KvGraph.TestSupport;

namespace KvGraph.Pipeline.Tests.Evaluation;

/// <summary>
/// The identity evaluation's own parts, on a tiny real graph: the two seeds extracted with the default extractor.
/// Seed 000 (ah-tk-20202021-2302, zaak 2021Z02286) cites four numbered motions, two of them "(35 570 V, nr. …)"; its
/// question kv-tk-2021Z02286 is asked by Van den Nieuwenhuijzen-Wittens, Van Ojik and Van den Hul. Seed 004 (answer to
/// 2019Z19189) cites the earlier answers 2019Z10940 and the Xinjiang letter of 27 August 2018.
/// </summary>
public sealed class IdentityScorerTests
{
    private static readonly Lazy<ICitationGraph> Seeds = new(() => CitationGraphs.FromDocuments(
        new[] { TestPaths.Seed000, TestPaths.Seed004 }.Select(p => Extractor.Default.Extract(new SourceDocument(p, File.ReadAllText(p))))));

    private static IdentityEndpointResolver Resolver => new(Seeds.Value);

    private static IReadOnlyList<string> Resolve(string endpoint) => Resolver.Resolve(IdentityEndpoint.Parse(endpoint));

    [Fact]
    public void Doc_endpoints_find_the_node_of_an_id_or_alias_and_nothing_for_an_unknown_id()
    {
        Assert.Equal(["ah-tk-20202021-2302"], Resolve("doc:ah-tk-20202021-2302"));
        Assert.Equal(["ah-tk-20202021-2302"], Resolve("doc:2021Z02286"));          // the zaak is an alias of the answer
        Assert.Equal(["kv-tk-2021Z02286"], Resolve("doc:kv-tk-2021Z02286"));       // the paired question is its own node
        Assert.Empty(Resolve("doc:kst-99999-1"));
        Assert.False(Resolver.DocumentExists(IdentityEndpoint.Parse("doc:kst-99999-1")));
        Assert.True(Resolver.DocumentExists(IdentityEndpoint.Parse("cite:2021Z02286|motie")));
    }

    [Fact]
    public void Cite_endpoints_take_the_targets_of_the_citations_whose_quote_holds_the_fragment()
    {
        // Case and whitespace do not matter (PDF text breaks lines anywhere).
        Assert.Equal(["kst-21501-20-1591"], Resolve("cite:ah-tk-20202021-2302|MOTIE van den   Nieuwenhuijzen"));
        Assert.Equal(["kst-21501-20-1596"], Resolve("cite:2021Z02286|Sjoerdsma c.s."));

        // A fragment that fits two mentions resolves to both targets: the set a 'same' row must not have.
        Assert.Equal(["kst-35570-V-43", "kst-35570-V-53"], Resolve("cite:ah-tk-20202021-2302|(35 570 V"));

        // The letter and the earlier answer cited by seed 004; a fragment no quote holds finds nothing.
        Assert.Equal(["letter:2018-08-27:buitenlandse-zaken"], Resolve("cite:answer:2019Z19189|Kamerbrief over Xinjiang"));
        Assert.Equal(["2019Z10940"], Resolve("cite:answer:2019Z19189|kenmerk 2019210940"));
        Assert.Empty(Resolve("cite:answer:2019Z19189|Verzamelbrief"));
    }

    [Fact]
    public void Edge_endpoints_take_the_targets_of_that_edge_type_whose_name_or_id_holds_the_fragment()
    {
        Assert.Equal(["person:van-ojik"], Resolve("edge:kv-tk-2021Z02286|ASKED_BY|Ojik"));
        Assert.Equal(["person:van-den-nieuwenhuijzen-wittens"], Resolve("edge:kv-tk-2021Z02286|ASKED_BY|nieuwenhuijzen"));
        Assert.Equal(["person:kuzu"], Resolve("edge:kv-tk-2019Z19189|ASKED_BY|Kuzu"));
        Assert.Equal(3, Resolve("edge:kv-tk-2021Z02286|ASKED_BY|van").Count);

        // The edge type must match: the answer itself has no ASKED_BY edges, and nobody is asked by a CITES edge.
        Assert.Empty(Resolve("edge:ah-tk-20202021-2302|ASKED_BY|Ojik"));
        Assert.Empty(Resolve("edge:kv-tk-2021Z02286|CITES|Ojik"));
    }

    [Fact]
    public void Scorer_links_same_rows_only_on_one_shared_node_and_counts_intersecting_different_rows_as_false_links()
    {
        var rows = IdentityGold.Parse(
        [
            "# a comment line",
            "same\tdev\tdoc:kst-21501-20-1591\tcite:ah-tk-20202021-2302|Nieuwenhuijzen\tmotion: the cited motion is that Kamerstuk (holds)",
            "same\theldout\tdoc:kst-35570-V-43\tcite:ah-tk-20202021-2302|(35 570 V\tmotion: a fragment resolving to two nodes is a split, not a link",
            "same\tdev\tdoc:kv-tk-2021Z02286\tdoc:2021Z02286\talias: question node and answer node are two nodes here (fails)",
            "different\tdev\tdoc:2021Z02286\tdoc:ah-tk-20202021-2302\talias: a deliberately wrong row, the zaak IS the answer (violated)",
            "different\theldout\tdoc:kst-21501-20-1596\tcite:ah-tk-20202021-2302|no such quote\tmotion: resolves to nothing, holds vacuously",
            "different\tdev\tcite:ah-tk-20202021-2302|Ploumen\tcite:ah-tk-20202021-2302|Kuzu (35\tmotion: two motions of one dossier stay apart (holds)",
        ]);
        var outcomes = new IdentityScorer(Resolver).Evaluate(rows);

        Assert.Equal([true, false, false, false, true, true], outcomes.Select(o => o.Holds));
        Assert.Equal([true, false, false, true, false, false], outcomes.Select(o => o.Linked));
        Assert.Equal([false, false, false, false, true, false], outcomes.Select(o => o.Vacuous));
        Assert.Equal(["kst-35570-V-43", "kst-35570-V-53"], outcomes[1].B);

        var all = IdentityScore.Of(outcomes);
        Assert.Equal(new IdentityScore(Same: 3, Different: 3, LinkedSame: 1, LinkedDifferent: 1, Vacuous: 1), all);
        Assert.Equal(0.5, all.Precision);
        Assert.Equal(1.0 / 3, all.Recall, 6);

        var heldout = IdentityScore.Of(outcomes.Where(o => o.Row.Heldout));
        Assert.True(double.IsNaN(heldout.Precision)); // nothing linked in heldout
        Assert.Equal(0.0, heldout.Recall);

        var report = IdentityScorer.Report(outcomes);
        Assert.Contains("Violated rows: 3", report, StringComparison.Ordinal);
        Assert.Contains("B → {kst-35570-V-43, kst-35570-V-53}", report, StringComparison.Ordinal);
        Assert.Contains("alias                dev", report, StringComparison.Ordinal);
        Assert.Contains("OVERALL              all          3     3     1     1       1     0.500   0.333", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("same\tdev\tdoc:a\tdoc:b", "5 tab-separated columns")]                              // evidence column missing
    [InlineData("equal\tdev\tdoc:a\tdoc:b\tletter: dates and senders agree", "relation")]            // relation is same/different
    [InlineData("same\ttrain\tdoc:a\tdoc:b\tletter: dates and senders agree", "set")]               // set is dev/heldout
    [InlineData("same\tdev\tnode:a\tdoc:b\tletter: dates and senders agree", "unknown prefix")]    // endpoint kinds are doc/cite/edge
    [InlineData("same\tdev\tcite:a\tdoc:b\tletter: dates and senders agree", "'|' parts")]          // cite needs a fragment
    [InlineData("same\tdev\tcite:a|\tdoc:b\tletter: dates and senders agree", "empty part")]        // … a non-empty one
    [InlineData("same\tdev\tedge:a|asked_by|X\tdoc:b\tletter: dates and senders agree", "'|' parts")] // edge types are upper case
    [InlineData("same\tdev\tdoc:a\tdoc:b\tdates and senders agree", "category")]                     // evidence starts with its category
    [InlineData("same\tdev\tdoc:a\tdoc:b\tletter: same", "says too little")]                         // and says something
    public void Gold_parser_rejects_malformed_rows_naming_the_line(string line, string reason)
    {
        var e = Assert.Throws<FormatException>(() => IdentityGold.Parse(["# header", line]));
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gold_parser_reads_every_field()
    {
        var row = Assert.Single(IdentityGold.Parse(["", "different\theldout\tcite:ah-tk-1|brief van 27 juni\tedge:kst-1|SUBMITTED_BY|Piri\tletter: two letters of one day"]));
        Assert.Equal(IdentityRelation.Different, row.Relation);
        Assert.True(row.Heldout);
        Assert.Equal((EndpointKind.Cite, "ah-tk-1", "CITES", "brief van 27 juni"), (row.A.Kind, row.A.DocumentId, row.A.EdgeType, row.A.Fragment));
        Assert.Equal((EndpointKind.Edge, "kst-1", "SUBMITTED_BY", "Piri"), (row.B.Kind, row.B.DocumentId, row.B.EdgeType, row.B.Fragment));
        Assert.Equal("letter", row.Category);
        Assert.Equal(2, row.Line);
    }
}
