using KvGraph.Core.Extraction;
using KvGraph.Core.Kinds.Motion;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Kinds;

/// <summary>
/// Spec: the votes the Handelingen record. The chair announces a vote ("In stemming komt de motie-X (dossier, nr. N).")
/// and states its result; only that pair records a vote. The same words elsewhere (a debate about what happens "als de
/// motie wordt aangenomen", an earlier motion "aangenomen op 16 mei") record nothing.
/// </summary>
public sealed class MotionVotesTests
{
    /// <summary>Text, the motion voted on, outcome, parties named (with their side), how the others voted. Real phrasings.</summary>
    public static TheoryData<string, string, string, string, string?> Recorded => new()
    {
        // h-tk-20172018-70-6: the chair's finding after a show of hands, parties for, the rest against
        {
            "In stemming komt de motie-Wassenberg (21501-08, nr. 721). De voorzitter: Ik constateer dat de leden van de fracties van de SP, de PvdA, GroenLinks, de PvdD, DENK, 50PLUS, D66, de VVD, de SGP, het CDA en de ChristenUnie voor deze motie hebben gestemd en de leden van de overige fracties ertegen, zodat zij is aangenomen.",
            "kst-21501-08-721", "aangenomen", "SP:voor PvdA:voor GroenLinks:voor PvdD:voor DENK:voor 50PLUS:voor D66:voor VVD:voor SGP:voor CDA:voor ChristenUnie:voor", "tegen"
        },
        // h-tk-20172018-70-6: an amended motion ("gewijzigde motie … was nr. 719") rejected
        {
            "In stemming komt de gewijzigde motie-Wassenberg (21501-08, nr. 726, was nr. 719). De voorzitter: Ik constateer dat de leden van de fracties van de SP, de PvdA, GroenLinks, de PvdD, DENK en 50PLUS voor deze gewijzigde motie hebben gestemd en de leden van de overige fracties ertegen, zodat zij is verworpen.",
            "kst-21501-08-726", "verworpen", "SP:voor PvdA:voor GroenLinks:voor PvdD:voor DENK:voor 50PLUS:voor", "tegen"
        },
        // the chair's other standing form: the parties named against, the rest for
        {
            "In stemming komt de motie-Kröger (21501-08, nr. 724). De voorzitter: Ik constateer dat de leden van de fracties van de PVV en FvD tegen deze motie hebben gestemd en de leden van de overige fracties ervoor, zodat zij is aangenomen.",
            "kst-21501-08-724", "aangenomen", "PVV:tegen FvD:tegen", "voor"
        },
        // unanimous: "met algemene stemmen"
        {
            "In stemming komt de motie-Laçin/Beckerman (21501-08, nr. 722). De voorzitter: Ik constateer dat deze motie met algemene stemmen is aangenomen.",
            "kst-21501-08-722", "aangenomen", "", null
        },
    };

    [Theory]
    [MemberData(nameof(Recorded))]
    public void A_vote_the_chair_records_is_read(string text, string target, string outcome, string parties, string? others)
    {
        var votes = Votes(text);
        var vote = Assert.Single(votes);
        Assert.Equal(target, vote.Target);
        Assert.Equal(outcome, vote.Fate.Outcome);
        Assert.Equal(parties, string.Join(' ', vote.Fate.PartyVotes.Select(p => $"{p.Party}:{p.Vote}")));
        Assert.Equal(others, vote.Fate.OthersVoted);
        Assert.Equal(others is null && parties.Length == 0, vote.Fate.Unanimous);
        Assert.StartsWith("Ik constateer", vote.Quote, StringComparison.Ordinal);
    }

    /// <summary>The same words where no vote is recorded. Real sentences from the corpus's Handelingen.</summary>
    public static TheoryData<string> NotRecorded => new()
    {
        // h-tk-20172018-70-9: a member asks what happens if the motion is not adopted
        "Nog één vraag over de motie op stuk nr. 356 van mevrouw Dik-Faber cum suis. Als de motie niet wordt aangenomen, wat is uw oordeel dan?",
        // h-tk-20172018-70-10: "Stel dat deze motie wordt aangenomen."
        "Mevrouw Voortman (GroenLinks): Stel dat deze motie wordt aangenomen. Wil de minister dan in de informatie meenemen welke gevolgen er zijn?",
        // h-tk-20172018-70-12: an earlier motion, adopted a year before, mentioned in debate
        "Je zou bijna denken, voorzitter, dat de motie-Azarkan, aangenomen op 16 mei vorig jaar, over de voorbereiding op de brexit haar werk goed gedaan heeft.",
        // h-tk-20172018-70-2: the chair's notice of absences "aangenomen" for information
        "Ik deel aan de Kamer mee dat er geen afmeldingen zijn. Deze mededeling wordt voor kennisgeving aangenomen.",
        // h-tk-20172018-70-6: a member's explanation of vote about motions adopted earlier
        "Als het gaat om een afbouw van dierproeven, liggen er zes aangenomen moties van de PVV. Daarom zullen wij tegen deze motie stemmen.",
        // h-tk-20172018-70-6: the agenda lists the motions to be voted on; no result yet
        "Aan de orde zijn de stemmingen over moties, ingediend bij het VSO Informele Milieuraad, te weten: de motie-Wassenberg over een reductie van het aantal gehouden dieren (21501-08, nr. 719).",
    };

    [Theory]
    [MemberData(nameof(NotRecorded))]
    public void Words_of_a_vote_without_the_chairs_record_are_not_a_vote(string text) => Assert.Empty(Votes(text));

    [Fact]
    public void Lapsed_held_motions_are_each_recorded_as_lapsed()
    {
        // h-tk-20172018-70-8, as written
        var votes = Votes("Ik deel mee dat de volgende aangehouden moties zijn vervallen: 34775-42; 34734-25; 30234-172; 28844-139; 28844-142.");
        Assert.Equal(["kst-34775-42", "kst-34734-25", "kst-30234-172", "kst-28844-139", "kst-28844-142"], votes.Select(v => v.Target));
        Assert.All(votes, v => Assert.Equal("vervallen", v.Fate.Outcome));
    }

    [Fact]
    public void A_result_belongs_to_its_own_announcement_not_the_next_one()
    {
        // Two announcements; the first has no result before the second: only the second motion has a recorded vote.
        var votes = Votes("In stemming komt de motie-Wassenberg (21501-08, nr. 719). Deze motie is aangehouden. In stemming komt de motie-Wassenberg (21501-08, nr. 721). Ik constateer dat deze motie met algemene stemmen is aangenomen.");
        var vote = Assert.Single(votes);
        Assert.Equal("kst-21501-08-721", vote.Target);
    }

    [SkippableFact]
    public void The_corpus_stemmingen_are_all_read()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the corpus is not at {TestPaths.CorpusRaw}");
        var file = TestPaths.Corpus("handelingen-xml-2018", "h-tk-20172018-70-6.xml");
        var doc = Extractor.Default.Extract(new SourceDocument(file, File.ReadAllText(file)));

        // Four votes in this item, the chair's four findings: 726 rejected, 721, 722 and 724 adopted.
        Assert.Equal(["kst-21501-08-726:verworpen", "kst-21501-08-721:aangenomen", "kst-21501-08-722:aangenomen", "kst-21501-08-724:aangenomen"],
            doc.Votes.Select(v => $"{v.Target}:{v.Fate.Outcome}"));
        Assert.All(doc.Votes, v => Assert.Equal(v.Quote, doc.Text[v.Start..v.End]));
        Assert.Equal("Stemmingen moties Informele Milieuraad d.d. 10-11 april 2018", doc.Doc.Title);
    }

    private static IReadOnlyList<Model.RecordedVote> Votes(string text)
    {
        var doc = Extractor.Default.Extract(new SourceDocument("handelingen.txt", text));
        return MotionVotes.Find(doc.Text, doc.Citations, null);
    }
}
