using KvGraph.Core.Model;

namespace KvGraph.Core.Tests.Recognition;

/// <summary>Earlier answers in other documents, and references to other answers in the same document.</summary>
public sealed class AnswerRecognizerTests
{
    public static TheoryData<string, string> Earlier => new()
    {
        // seed 004, answer 9
        { "vindt u in mijn antwoorden op\nKamervragen over het bericht dat er nieuw bewijs is van China's missie om de\nmoskeeén in Xinjiang te verwoesten (kenmerk 2019210940).", "2019Z10940" },
        // seed 004, answer 4: split by a page break
        { "Een overzicht van recente acties vindt u in\n mijn antwoorden op Kamervragen over het bericht dat er nieuw bewijs is van\n\nChina's missie om de moskeeén in Xinjiang te verwoesten (kenmerk 2019210940), en", "2019Z10940" },
        // brief: answers published in the Aanhangsel
        { "Zie de antwoorden op eerdere vragen van het lid Kuzu (Aanhangsel Handelingen II 2023/24, nr. 123).", "ah-tk-20232024-123" },
        // learninglion: a TK document number
        { "de beantwoording van de vragen van de SGP-leden Bisschop en\nVan der Staaij (2022D22285)", "2022D22285" },
        // kamervragen-limburg: a clean zaak number
        { "zoals in de beantwoording van schriftelijke vragen over het intrekken van vergunningen (2024Z17067) gemeld", "2024Z17067" },
    };

    public static TheoryData<string, string> Intra => new()
    {
        // seed 000, answers 3 and 4
        { "Zie antwoord vraag 2.", "#a2" },
        // brief
        { "zie het antwoord op vraag 7", "#a7" },
        // seed 000, answer 9
        { "Zoals in het antwoord op vraag 7 aangegeven organiseren", "#a7" },
        // brief: two numbers, one citation each
        { "zie antwoorden op de vragen 2 en 3", "#a2;#a3" },
        // brief
        { "Het antwoord op vraag 5 gaat hierop in.", "#a5" },
        // seed 004, answer 12 (OCR "aangeven")
        { "Zoals aangeven in antwoord op vraag 5 ziet dit kabinet graag", "#a5" },
        // kamervragen-limburg
        { "Zoals ik bij vraag 2 heb aangegeven, houdt de IGJ toezicht", "#a2" },
        // kamervragen-limburg
        { "Zoals aangegeven bij vraag 1 had het kabinet liever gezien", "#a1" },
        // kamervragen-limburg: three numbers
        { "Zie mijn antwoord op vraag 3, 8 en 9. Ik vind", "#a3;#a8;#a9" },
        // kamervragen-limburg: "zie vraag"
        { "bovenregionale expertisenetwerken jeugd (zie vraag 5). Vanuit", "#a5" },
        // kamervragen-limburg: glued "vanvraag"
        { "zoals beschreven in de beantwoording vanvraag 3, in strijd", "#a3" },
        // kamervragen-limburg: "geantwoord onder"
        { "Zoals geantwoord onder vraag 2 is dat niet het geval.", "#a2" },
        // kamervragen-limburg: "antwoord onder"
        { "zie hiervoor mijn antwoord onder vraag 4.", "#a4" },
        // learninglion: the answer's number without "vraag"
        { "In antwoord 3 ben ik ingegaan op de kosten.", "#a3" },
        // learninglion: "de beantwoording bij vraag"
        { "ondernomen, zie ook de beantwoording bij vraag 5.", "#a5" },
    };

    public static TheoryData<string> Negative => new()
    {
        // kamervragen-limburg item heading
        "Antwoord op vraag 3 en 4 \nHet kabinet",
        // learninglion item heading
        "Antwoord vraag 4-7:\nDe minister",
        // seed 004 grouped heading
        "Antwoord op vragen 2,3 en 6\n\nVoor een appreciatie",
        // a question heading
        "Vraag 3\nBent u bekend met het bericht?",
        // a question of another document
        "Zie het antwoord op vraag 3 van het lid Kuzu over dit onderwerp.",
        // an earlier answer without an id cites nothing findable
        "mijn antwoorden op eerdere vragen over dit onderwerp",
        // a question asking for answers, no number
        "Kunt u deze vragen één voor één en binnen drie weken beantwoorden?",
        // kamervragen-limburg Aanhangsel heading "Antwoord 3"
        "Antwoord 3\nJa.",
        // learninglion heading with a colon
        "Antwoord vraag 1:\nJa.",
        // a question of another set of written questions
        "zie het antwoord op vraag 1 van de schriftelijke vragen van het lid Omtzigt",
        // "antwoord" with a count, not an answer number
        "In antwoord 3 procent van de gevallen.",
        // a question heading with a bullet (openkamer)
        " • Vraag 8\n  Welke extra maatregelen gaat u treffen?",
    };

    [SkippableTheory]
    [MemberData(nameof(Earlier))]
    public void Finds_earlier_answers(string text, string expected) => Rows.AssertFinds("answer", text, expected, CitationKind.Answer);

    [SkippableTheory]
    [MemberData(nameof(Intra))]
    public void Finds_answers_in_the_same_document(string text, string expected) => Rows.AssertFinds("answer-intra", text, expected, CitationKind.Answer);

    [SkippableTheory]
    [MemberData(nameof(Negative))]
    public void Finds_no_answer(string text)
    {
        Rows.AssertNothing("answer", text);
        Rows.AssertNothing("answer-intra", text);
    }

    [SkippableFact]
    public void Written_questions_hold_no_answers_of_their_own()
    {
        // kamervragen-limburg question 14: "het antwoord op vraag 17" is the answer in another document.
        const string text = "aangezien de passieve houding van het kabinet uit het antwoord op vraag 17duidelijk onvoldoende is";
        var recognizer = KvGraph.Core.Recognition.CitationRecognizers.ByName("answer-intra")!;
        var asAnswer = new KvGraph.Core.Extraction.RecognitionContext(text, new DocumentInfo { Kind = DocumentKind.Answer, Id = "a" }, []);
        var asQuestion = asAnswer with { Doc = new DocumentInfo { Kind = DocumentKind.Question, Id = "q" } };
        Assert.Equal(["a#a17"], recognizer.Find(asAnswer).Select(c => c.Target));
        Assert.Empty(recognizer.Find(asQuestion));
    }

    [SkippableFact]
    public void An_earlier_answer_by_kenmerk_is_corrected_and_keeps_its_subject()
    {
        var c = Assert.Single(Rows.Single("answer", "in mijn antwoorden op Kamervragen over het bericht dat er nieuw bewijs is van China's missie (kenmerk 2019210940)."));
        Assert.Equal("2019Z10940", c.Target);
        Assert.True(c.Corrected);
        Assert.Equal("2019210940", c.OriginalText);
        Assert.Equal("het bericht dat er nieuw bewijs is van China's missie", c.Subject);
        Assert.EndsWith("(kenmerk 2019210940)", c.Quote, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void An_earlier_answer_and_the_zaak_it_names_are_both_cited()
    {
        var doc = Rows.Pipeline("zie mijn antwoorden op Kamervragen over het bericht (kenmerk 2019210940).");
        Assert.Contains(doc.Citations, c => c.Kind == CitationKind.Answer && c.Target == "2019Z10940");
        Assert.Contains(doc.Citations, c => c.Kind == CitationKind.Zaak && c.Target == "2019Z10940" && c.Corrected);
    }
}
