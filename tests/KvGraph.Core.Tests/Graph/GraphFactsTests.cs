using KvGraph.Core.Graph;

namespace KvGraph.Core.Tests.Graph;

public sealed class GraphFactsTests
{
    [Fact]
    public void Seed000_answer_is_paired_with_its_question_and_links_askers_answerers_and_parties()
    {
        var facts = GraphFacts.Facts(GraphTestData.Seed000);
        Assert.Equal(["ah-tk-20202021-2302", "kv-tk-2021Z02286"], facts.DocumentIds);

        var answer = facts.Nodes.Single(n => n.Id == "ah-tk-20202021-2302");
        Assert.Equal(NodeLabel.Answer, answer.Label);
        Assert.Equal("2021-04-12", answer.Properties["answered"]);
        Assert.Equal("2021Z02286", answer.Properties["zaak"]);
        Assert.Equal(NodeLabel.Question, facts.Nodes.Single(n => n.Id == "kv-tk-2021Z02286").Label);
        Assert.Contains(facts.Edges, e => e.Type == EdgeType.Answers && e.Source == "ah-tk-20202021-2302" && e.Target == "kv-tk-2021Z02286");

        var askers = facts.Edges.Where(e => e.Type == EdgeType.AskedBy).ToList();
        Assert.All(askers, e => Assert.Equal("kv-tk-2021Z02286", e.Source));
        Assert.Equal(["person:van-den-hul", "person:van-den-nieuwenhuijzen-wittens", "person:van-ojik"], askers.Select(e => e.Target).Order(StringComparer.Ordinal));

        var answerers = facts.Edges.Where(e => e.Type == EdgeType.AnsweredBy && e.Target.StartsWith("person:", StringComparison.Ordinal)).Select(e => e.Target).Order(StringComparer.Ordinal);
        Assert.Equal(["person:blok", "person:kaag"], answerers);
        Assert.Contains(facts.Edges, e => e.Type == EdgeType.MemberOf && e.Source == "person:kaag" && e.Target == "party:d66");
        Assert.Contains(facts.Edges, e => e.Type == EdgeType.MemberOf && e.Source == "person:van-ojik" && e.Target == "party:gl");
        Assert.Contains(facts.Edges, e => e.Type == EdgeType.AnsweredBy && e.Target.StartsWith("office:", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed000_cites_the_four_motions_with_evidence_and_keeps_intra_document_references_as_self_edges()
    {
        var facts = GraphFacts.Facts(GraphTestData.Seed000);
        var motions = facts.Edges.Where(e => e.Type == EdgeType.Cites && (string?)e.Properties["kind"] == "motion").ToList();
        Assert.Equal(["kst-21501-20-1591", "kst-21501-20-1596", "kst-35570-V-43", "kst-35570-V-53"], motions.Select(e => e.Target).Order(StringComparer.Ordinal));
        var text = GraphTestData.Seed000.Text;
        Assert.All(motions, e =>
        {
            Assert.Equal("ah-tk-20202021-2302", e.Source);
            var start = (int)(long)e.Properties["start"]!;
            var end = (int)(long)e.Properties["end"]!;
            Assert.Equal(text[start..end], e.Properties["quote"]);
            Assert.NotNull(e.Properties["item"]);
        });

        // The cited Kamerstuk belongs to its dossier.
        Assert.Contains(facts.Edges, e => e.Type == EdgeType.InDossier && e.Source == "kst-35570-V-43" && e.Target == "dossier:35570-V");

        var refers = facts.Edges.Where(e => e.Type == EdgeType.RefersTo).ToList();
        Assert.NotEmpty(refers);
        Assert.All(refers, e => Assert.Equal(e.Source, e.Target));
        Assert.Contains(refers, e => (string?)e.Properties["to"] == "a2");

        // Countries become MENTIONS of country nodes.
        var countries = facts.Edges.Where(e => e.Type == EdgeType.Mentions && e.Target.StartsWith("country:", StringComparison.Ordinal)).Select(e => e.Target).ToHashSet();
        Assert.Contains("country:CN", countries);
        Assert.Contains("country:DE", countries);
    }

    [Fact]
    public void A_document_never_cites_its_own_ids_and_a_motion_is_in_its_dossier_with_its_sponsors()
    {
        var seed004 = GraphFacts.Facts(GraphTestData.Seed004);
        Assert.DoesNotContain(seed004.Edges, e => e.Type == EdgeType.Cites && (e.Target == "2019Z19189" || e.Target == "kv-tk-2019Z19189"));
        Assert.Contains(seed004.Edges, e => e.Type == EdgeType.Cites && e.Target == "2019Z10940");

        var motion = GraphFacts.Facts(GraphTestData.Motion);
        Assert.Equal("kst-21501-20-1591", motion.DocumentIds[0]);
        Assert.Equal(NodeLabel.Motion, motion.Nodes[0].Label);
        Assert.Contains(motion.Edges, e => e.Type == EdgeType.InDossier && e.Target == "dossier:21501-20");
        Assert.Contains(motion.Edges, e => e.Type == EdgeType.SubmittedBy && e.Target == "person:van-den-nieuwenhuijzen");
    }
}
