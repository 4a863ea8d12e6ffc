using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Reading;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Reading;

/// <summary>
/// Header fields and item counts of real corpus files, checked by hand against the files. The corpus is read in
/// place (never copied); without it these tests are skipped.
/// </summary>
public sealed class CorpusFormatTests
{
    private static ReadDocument Read(params string[] parts)
    {
        Skip.IfNot(TestPaths.CorpusAvailable, "corpus not available");
        var dir = TestPaths.Corpus(parts[..^1]);
        var path = Directory.GetFiles(dir, parts[^1]).Single();
        var source = new SourceDocument(path, File.ReadAllText(path));
        return DocumentReaders.Default.OrderByDescending(r => r.Detect(source)).First().Read(source);
    }

    [SkippableFact]
    public void Aanhangsel_answer_594_header_footnotes_and_glue()
    {
        var r = Read("kamervragen-limburg", "docs", "001_*");
        Assert.Equal("aanhangsel", r.Format);
        Assert.Equal(DocumentKind.Answer, r.Doc.Kind);
        Assert.Equal("ah-tk-20242025-594", r.Doc.Id);
        Assert.Equal("20242025", r.Doc.Vergaderjaar);
        Assert.Equal(new DateOnly(2024, 10, 30), r.Doc.Submitted);
        Assert.Equal(new DateOnly(2024, 11, 19), r.Doc.Answered);
        Assert.Equal([new Asker("Daniëlle Jansen", "Nieuw Sociaal Contract")], r.Doc.Askers);       // glued "DaniëlleJansen" split
        Assert.Equal([new Answerer("Agema", "Minister van Volksgezondheid, Welzijn en Sport", null)], r.Doc.Answerers);
        Assert.Equal(11, r.Items.Count(i => i.Kind == ItemKind.Question));
        Assert.Equal(11, r.Items.Count(i => i.Kind == ItemKind.Answer));
        Assert.Equal("3", r.Metadata["footnotes"]);
        Assert.Contains("[1] NOS, 29 oktober 2024, Meer ziekenhuizen in financiële problemen, bedreigt uitvoering Zorgakkoord,", r.Text, StringComparison.Ordinal); // "Zorgak-" + "koord" joined
        Assert.DoesNotContain("ISSN", r.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Aanhangsel 2", r.Text, StringComparison.Ordinal);                   // running footer gone from mid-sentence
        Assert.Contains("Dit geeft zekerheid voor kleinere ziekenhuizen", r.Text, StringComparison.Ordinal); // sentence rejoined over the footer
        Assert.Contains("marges aan te pakken, zodat", r.Text, StringComparison.Ordinal);        // ",zodat" glue split
    }

    [SkippableFact]
    public void Deferral_562_is_a_deferral_with_notes_placed_under_the_question_that_cites_them()
    {
        var r = Read("kamervragen-limburg", "docs", "008_*");
        Assert.Equal(DocumentKind.Deferral, r.Doc.Kind);
        Assert.Equal("ah-tk-20242025-562", r.Doc.Id);
        Assert.Equal([new Asker("Van den Hil", "VVD"), new Asker("Bikker", "ChristenUnie")], r.Doc.Askers);
        Assert.Equal("Karremans", r.Doc.Answerers.Single().Name);
        var q3 = r.Items.Single(i => i.Id == "q3");
        var text = r.Text[q3.Start..q3.End];
        Assert.Contains("motie Bikker-Van den Hil.[2][3]", text, StringComparison.Ordinal);           // standalone marker line "2 3" attached
        Assert.Contains("[2] Kamerstuk 25 242, nr. 686", text, StringComparison.Ordinal);
        Assert.Contains("[3] Kamerstuk 36 200, nr. 77", text, StringComparison.Ordinal);
        Assert.Equal(9, r.Items.Count(i => i.Kind == ItemKind.Question));
        Assert.DoesNotContain("Mededeling", r.Text[r.Items.Single(i => i.Id == "q9").Start..r.Items.Single(i => i.Id == "q9").End], StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Question_pdf_2024Z18796_is_a_question_with_two_askers()
    {
        var r = Read("kamervragen-limburg", "docs", "006_*");
        Assert.Equal(DocumentKind.Question, r.Doc.Kind);
        Assert.Equal("kv-tk-2024Z18796", r.Doc.Id);
        Assert.Equal("2024Z18796", r.Doc.Zaak);
        Assert.Equal([new Asker("Kröger", "GroenLinks-PvdA"), new Asker("Gabriëls", "GroenLinks-PvdA")], r.Doc.Askers); // "(beiden …)"
        Assert.Equal(8, r.Items.Count);
        Assert.Contains("World Weather Attribution[2]", r.Text, StringComparison.Ordinal);          // marker glued to a word
        Assert.Contains("18 november 2024", r.Text, StringComparison.Ordinal);                       // "november2024" split
    }

    [SkippableFact]
    public void Docx_answer_AH_604_gets_its_vergaderjaar_from_the_date_received()
    {
        var r = Read("kamervragen-limburg", "docs", "002_*");
        Assert.Equal("docx-kamervraag", r.Format);
        Assert.Equal(DocumentKind.Answer, r.Doc.Kind);
        Assert.Equal("ah-tk-20242025-604", r.Doc.Id);
        Assert.Equal("2024Z18294", r.Doc.Zaak);
        Assert.Equal("kv-tk-2024Z18294", r.Doc.PairedId);
        Assert.Equal(new DateOnly(2024, 11, 20), r.Doc.Answered);
        Assert.Equal([new Answerer("Van Weel", "Minister van Justitie en Veiligheid", null)], r.Doc.Answerers);
        Assert.Contains(r.Items, i => i.Id == "a3,4" && i.Numbers.SequenceEqual([3, 4]));         // "Antwoord op vraag 3 en 4"
        Assert.Equal(8, r.Items.Count(i => i.Kind == ItemKind.Question));
    }

    [SkippableFact]
    public void Docx_numbered_questions_with_Antwoord_colon_and_zaak_with_a_space()
    {
        var r = Read("kamervragen-limburg", "docs", "005_*");
        Assert.Equal("2024Z17972", r.Doc.Zaak);                                                       // written "2024Z 17972"
        Assert.Equal("ah-tk-20242025-617", r.Doc.Id);
        Assert.Equal(6, r.Items.Count(i => i.Kind == ItemKind.Question));
        Assert.Equal(6, r.Items.Count(i => i.Kind == ItemKind.Answer));
    }

    [SkippableFact]
    public void Docx_question_and_docx_deferral()
    {
        var q = Read("kamervragen-limburg", "docs", "011_*");
        Assert.Equal(DocumentKind.Question, q.Doc.Kind);
        Assert.Equal("kv-tk-2024Z18891", q.Doc.Id);
        Assert.Equal(new DateOnly(2024, 11, 20), q.Doc.Submitted);
        Assert.Equal([new Asker("Tseggai", "GroenLinks-PvdA")], q.Doc.Askers);
        Assert.Equal(6, q.Items.Count);

        var d = Read("kamervragen-limburg", "docs", "025_*");
        Assert.Equal(DocumentKind.Deferral, d.Doc.Kind);
        Assert.Equal("ah-tk-20242025-615", d.Doc.Id);
        Assert.Equal([new Asker("Gabriëls", "GroenLinks-PvdA"), new Asker("Bromet", "GroenLinks-PvdA")], d.Doc.Askers);
        Assert.Equal("Staatssecretaris van Landbouw, Visserij, Voedselzekerheid en Natuur", d.Doc.Answerers.Single().Office);
    }

    [SkippableFact]
    public void Pdftotext_Aanhangsel_2313_with_mede_namens_and_beiden()
    {
        var r = Read("learninglion-kamervragen", "txt", "1bca1484-*.txt");
        Assert.Equal("ah-tk-20232024-2313", r.Doc.Id);
        Assert.Equal([new Asker("Bushoff", "GroenLinks-PvdA"), new Asker("Patijn", "GroenLinks-PvdA")], r.Doc.Askers); // "Patijn(beiden …)" glue
        Assert.Equal("Van Hijum", r.Doc.Answerers.Single().Name);
        Assert.Equal("de Minister van Volksgezondheid, Welzijn en Sport", r.Metadata["mede-namens"]);
        Assert.Equal(20, r.Items.Count);
        Assert.DoesNotContain("Mensen\n\nmoeten", r.Text, StringComparison.Ordinal);                 // page break inside a sentence is not a paragraph
    }

    [SkippableFact]
    public void Pdftotext_year_with_glued_footnote_marker_is_split()
    {
        var r = Read("learninglion-kamervragen", "txt", "1a2d8959-*.txt");
        Assert.Equal("ah-tk-20232024-2210", r.Doc.Id);
        Assert.Contains("In de brief van 29 juni 2022[2] is aangegeven", r.Text, StringComparison.Ordinal); // "20222" = 2022 + note 2
        Assert.Contains("[2] Kamerstuk 32 813, nr. 1061", r.Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Motion_with_kst_footer_and_signatures()
    {
        var r = Read("moties-toegelicht", "motions", "kst-29984-1082.txt");
        Assert.Equal(DocumentKind.Motion, r.Doc.Kind);
        Assert.Equal("kst-29984-1082", r.Doc.Id);
        Assert.Equal("29984", r.Doc.Dossier);
        Assert.Equal("1082", r.Doc.Number);
        Assert.Equal(new DateOnly(2023, 1, 26), r.Doc.Date);
        Assert.Equal(["Minhas", "Van der Graaf"], r.Doc.Sponsors);
        Assert.Equal(["Spoor: vervoer- en beheerplan"], r.Doc.Topics);
        Assert.DoesNotContain("ISSN", r.Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Motion_with_roman_dossier_suffix_and_motion_without_footer()
    {
        var viii = Read("moties-toegelicht", "motions", "kst-36200-VIII-188.txt");
        Assert.Equal("kst-36200-VIII-188", viii.Doc.Id);
        Assert.Equal("36200-VIII", viii.Doc.Dossier);
        Assert.Equal(["Van Meenen"], viii.Doc.Sponsors);

        var eu = Read("moties-toegelicht", "motions", "kst-21501-20-1916.txt");
        Assert.Equal("21501-20", eu.Doc.Dossier);
        Assert.Equal("1916", eu.Doc.Number);

        var noFooter = Read("moties-toegelicht", "motions", "0a24c346-5c39-444e-8353-7c3b021beb15.txt");
        Assert.Equal("kst-31016-367", noFooter.Doc.Id);                                             // "31016-367" above the MOTIE line
        Assert.Equal(new DateOnly(2024, 2, 15), noFooter.Doc.Date);
        Assert.Equal(["Diederik van Dijk", "Bikker"], noFooter.Doc.Sponsors);
    }

    [SkippableFact]
    public void Handelingen_xml_and_kamerbrief()
    {
        var h = Read("handelingen-xml-2018", "h-tk-20172018-70-1.xml");
        Assert.Equal(DocumentKind.Handelingen, h.Doc.Kind);
        Assert.Equal("h-tk-20172018-70-1", h.Doc.Id);
        Assert.Equal(new DateOnly(2018, 4, 5), h.Doc.Date);
        Assert.Contains("Kröger", h.Text, StringComparison.Ordinal);                                 // mojibake "KrÃ¶ger" repaired
        Assert.DoesNotContain("<al>", h.Text, StringComparison.Ordinal);

        var letter = Read("learninglion-kamervragen", "txt", "verzamelbrief-luchtvaart.txt");
        Assert.Equal(DocumentKind.Letter, letter.Doc.Kind);
        Assert.Equal("letter:2023-10-18", letter.Doc.Id);
        Assert.Equal("Verzamelbrief luchtvaart", letter.Doc.Title);
    }
}
