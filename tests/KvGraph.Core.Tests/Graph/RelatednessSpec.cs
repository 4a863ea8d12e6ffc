using KvGraph.Core.Extraction;
using KvGraph.Core.Graph;
using KvGraph.Core.Model;

namespace KvGraph.Core.Tests.Graph;

/// <summary>
/// The rules of <c>related</c> (<see cref="Relatedness"/>) on a small graph built through the real extractor and graph
/// assembly from openkamer-style pages. The questions are fragments of real corpus questions (kv-tk-2024Z18888 on Uyghurs
/// in Thailand, kv-tk-2024Z18797 on the Iran tanker fleet, the motion of seed 000); their zaak and Aanhangsel numbers are
/// fictional (90001…, 9001…) so they cannot collide with real documents.
/// </summary>
public sealed class RelatednessSpec
{
    private const string Veldkamp = "Caspar Veldkamp (minister buitenlandse zaken) (NSC)";
    private const string Beljaarts = "Dirk Beljaarts (minister economische zaken) (PVV)";
    private const string Uyghurs = "ah-tk-20242025-9001";
    private const string Tanker = "ah-tk-20242025-9002";
    private const string MotionFollowUp = "ah-tk-20242025-9003";
    private const string ThaiReturns = "ah-tk-20242025-9004";
    private const string ChinaTradeA = "ah-tk-20242025-9005";
    private const string ChinaTradeB = "ah-tk-20242025-9006";
    private const string ChinaTradeClose = "ah-tk-20242025-9007";
    private const string ThaiTourism = "ah-tk-20242025-9008";

    private static readonly Lazy<ICitationGraph> Graph = new(() => CitationGraphs.FromDocuments(
    [
        // The start: Uyghurs in Thailand (kv-tk-2024Z18888's question 2), answered with the seed's motion.
        Page(1, "De situatie van Oeigoeren in Thailand", "20 november 2024", "10 december 2024", "Eric van der Burg (VVD)", Veldkamp,
            "Bent u bekend met de berichten dat er meer dan 48 Oeigoeren al jarenlang, onder zorgwekkende omstandigheden, vastzitten in Thailand na hun vlucht uit de Chinese provincie Xinjiang?",
            "Ja. Het kabinet voert de motie Van den Nieuwenhuijzen c.s. (21 501-20, nr. 1591) uit en vraagt in Thailand aandacht voor hun positie."),

        // Same asker and minister, nothing else in common (kv-tk-2024Z18797's question 2): the noise the issue saw ranked first.
        Page(2, "Het bericht «Tankervloot die Iran miljarden opleverde via Suriname beheerd»", "19 november 2024", "9 december 2024", "Eric van der Burg (VVD)", Veldkamp,
            "Hoe beoordeelt u het bericht dat een advocatenkantoor de Iraanse olie-industrie jarenlang heeft geholpen bij het ontwijken van Amerikaanse sancties tegen Iran?",
            "Het kabinet heeft kennisgenomen van het bericht. Sanctie-ontwijking wordt in EU-verband tegengegaan."),

        // Cites the same motion, another asker, no country.
        Page(3, "De uitvoering van een motie over bedrijven", "1 oktober 2024", "1 november 2024", "Jan Paternotte (D66)", Veldkamp,
            "Hoe staat het met de uitvoering van de motie Van den Nieuwenhuijzen c.s. (21 501-20, nr. 1591) over het gesprek met bedrijven?",
            "Over de uitvoering van de motie Van den Nieuwenhuijzen c.s. (21 501-20, nr. 1591) is uw Kamer eerder bericht."),

        // Thailand and China in common, no citation.
        Page(4, "Uitzettingen van vluchtelingen door Thailand", "2 oktober 2024", "2 november 2024", "Derk Boswijk (CDA)", Veldkamp,
            "Bent u bereid uw Thaise ambtgenoot aan te spreken op de uitzetting van vluchtelingen uit Thailand naar China?",
            "Het kabinet spreekt Thailand en China aan op het beginsel van non-refoulement."),

        // China only, another minister: three candidates with the same evidence, two on the same date, one close to the start.
        Page(5, "De handel met China", "1 maart 2024", "2 april 2024", "Pieter Grinwis (ChristenUnie)", Beljaarts,
            "Hoeveel exportvergunningen voor China zijn er verleend?", "Die cijfers worden jaarlijks gepubliceerd."),
        Page(6, "De export van chipmachines naar China", "1 maart 2024", "2 april 2024", "Henri Bontenbal (CDA)", Beljaarts,
            "Welke afspraken zijn er gemaakt over de export van chipmachines naar China?", "Die afspraken worden jaarlijks herzien."),
        Page(7, "Investeringen uit China in havens", "25 november 2024", "9 december 2024", "Chris Stoffer (SGP)", Beljaarts,
            "Hoeveel havenbedrijven zijn in handen van investeerders uit China?", "Daar wordt geen register van bijgehouden."),

        // Thailand only: rarer than China (three documents name Thailand, five name China).
        Page(8, "Reisadviezen voor Thailand", "1 maart 2024", "2 april 2024", "Laura Bromet (GroenLinks-PvdA)", Beljaarts,
            "Wanneer wordt het reisadvies voor Thailand herzien?", "Het reisadvies wordt doorlopend bezien."),
    ]));

    [Fact]
    public void A_shared_citation_outranks_shared_countries()
    {
        var related = Graph.Value.Related(Uyghurs, 20);
        var motion = Assert.Single(related, r => r.Node.Id == MotionFollowUp);
        var thai = Assert.Single(related, r => r.Node.Id == ThaiReturns);
        var coupling = Assert.Single(motion.Reasons, r => r.Kind == "coupling");
        Assert.Equal("kst-21501-20-1591", coupling.Detail);

        // Thailand and China are both shared with the Thai question; the one citation alone still weighs more.
        Assert.Equal(["China", "Thailand"], thai.Reasons.Where(r => r.Kind == "country").Select(r => r.Detail).Order(StringComparer.Ordinal));
        Assert.True(coupling.Score > thai.Reasons.Where(r => r.Kind == "country").Sum(r => r.Score), $"coupling {coupling.Score} vs countries of {ThaiReturns}");
        Assert.Equal(MotionFollowUp, related[0].Node.Id);
        Assert.True(Rank(related, MotionFollowUp) < Rank(related, ThaiReturns));
    }

    [Fact]
    public void A_rare_shared_thing_outranks_a_common_one()
    {
        var related = Graph.Value.Related(Uyghurs, 20);
        var thailand = Assert.Single(related, r => r.Node.Id == ThaiTourism);
        var china = Assert.Single(related, r => r.Node.Id == ChinaTradeA);
        Assert.Equal(["country: Thailand"], thailand.Reasons.Select(r => $"{r.Kind}: {r.Detail}"));
        Assert.Equal(["country: China"], china.Reasons.Select(r => $"{r.Kind}: {r.Detail}"));

        // The same kind of reason; only how many documents share it differs: of the 7 pages that name a country (the
        // motion follow-up names none), 3 name Thailand and 5 name China.
        Assert.True(thailand.Score > china.Score, $"Thailand {thailand.Score} vs China {china.Score}");
        Assert.Equal(Relatedness.Rarity(3, 7) * 0.75, thailand.Score, 3);
        Assert.Equal(Relatedness.Rarity(5, 7) * 0.75, china.Score, 3);
    }

    [Fact]
    public void A_shared_asker_and_minister_alone_are_weak()
    {
        var related = Graph.Value.Related(Uyghurs, 20);
        var tanker = Assert.Single(related, r => r.Node.Id == Tanker);
        Assert.Equal(["answerer", "asker"], tanker.Reasons.Select(r => r.Kind).Order(StringComparer.Ordinal));

        // Below every citation reason (at least the floor), and below the document that only shares the citation.
        Assert.True(tanker.Score < Relatedness.CitationFloor, $"asker + answerer {tanker.Score}");
        Assert.True(Rank(related, MotionFollowUp) < Rank(related, Tanker));

        // Seen from the tanker question the Uyghur question is still related, but only by these two weak reasons.
        var back = Assert.Single(Graph.Value.Related(Tanker, 20), r => r.Node.Id == Uyghurs);
        Assert.Equal(tanker.Score, back.Score, 3);
    }

    [Fact]
    public void Ties_are_broken_by_citations_then_date_closeness_then_id()
    {
        var related = Graph.Value.Related(Uyghurs, 20);

        // Three documents share only China. The one answered a day before the start comes first; the two answered on
        // the same day months earlier follow in id order.
        var china = related.Where(r => r.Reasons.Select(x => x.Detail).SequenceEqual(["China"])).Select(r => r.Node.Id).ToList();
        Assert.Equal([ChinaTradeClose, ChinaTradeA, ChinaTradeB], china);

        // The whole list follows the documented order, and asking twice gives the same list.
        for (var i = 1; i < related.Count; i++)
        {
            Assert.True(related[i - 1].Score >= related[i].Score, $"{related[i - 1].Node.Id} before {related[i].Node.Id}");
        }

        Assert.Equal(related.Select(r => r.Node.Id), Graph.Value.Related(Uyghurs, 20).Select(r => r.Node.Id));
        Assert.Equal(related.Take(3).Select(r => r.Node.Id), Graph.Value.Related(Uyghurs, 3).Select(r => r.Node.Id));
    }

    [Fact]
    public void A_question_and_its_answer_are_one_case_never_related_to_each_other()
    {
        var viaAnswer = Graph.Value.Related(Uyghurs, 20);
        var viaQuestion = Graph.Value.Related("kv-tk-2024Z90001", 20);
        Assert.Equal(viaAnswer.Select(r => (r.Node.Id, r.Score)), viaQuestion.Select(r => (r.Node.Id, r.Score)));
        Assert.DoesNotContain(viaAnswer, r => r.Node.Id is Uyghurs or "kv-tk-2024Z90001");

        // Other cases are reported by their answer, never also by their question.
        Assert.DoesNotContain(viaAnswer, r => r.Node.Label == NodeLabel.Question);
        Assert.All(viaAnswer, r => Assert.InRange(r.Score - r.Reasons.Sum(x => x.Score), -0.005, 0.005));
    }

    private static int Rank(IReadOnlyList<RelatedDocument> related, string id) =>
        related.Select((r, i) => (r.Node.Id, i)).Single(x => x.Id == id).i;

    private static ExtractedDocument Page(int n, string title, string asked, string answered, string askers, string answerer, string question, string answer)
    {
        var text = $"""
            Kamervraag 2024Z9000{n}

            {title}

            Ingediend {asked}
            Beantwoord {answered}
            Indieners {askers}
            Beantwoord door {answerer}
            Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2024Z9000{n}.html
            Bron antwoord https://zoek.officielebekendmakingen.nl/ah-tk-20242025-900{n}.html
             • Vraag 1
              {question}

              {answer}

            """;
        return Extractor.Default.Extract(new SourceDocument($"related-spec/kamervraag-2024Z9000{n}.txt", text));
    }
}
