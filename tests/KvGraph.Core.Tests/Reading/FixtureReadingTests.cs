using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Reading;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Reading;

/// <summary>Reader paths the real corpus does not cover, on documents we wrote ourselves (tests/fixtures/readers).</summary>
public sealed class FixtureReadingTests
{
    private static ReadDocument Read(SourceDocument source) =>
        DocumentReaders.Default.Where(r => r.Detect(source) > 0).OrderByDescending(r => r.Detect(source)).First().Read(source);

    [Fact]
    public void An_unanswered_openkamer_page_is_a_question_identified_by_its_zaak()
    {
        var path = Path.Combine(TestPaths.Fixtures, "readers", "openkamer-question-only.txt");
        var r = Read(new SourceDocument(path, File.ReadAllText(path)));
        Assert.Equal("openkamer", r.Format);
        Assert.Equal(DocumentKind.Question, r.Doc.Kind);
        Assert.Equal("kv-tk-2023Z99901", r.Doc.Id);
        Assert.Null(r.Doc.PairedId);
        Assert.Null(r.Doc.Answered);
        Assert.Equal(new DateOnly(2023, 3, 3), r.Doc.Submitted);
        Assert.Equal([new Asker("De Vries", "CDA"), new Asker("Van der Berg-Smit", "SP")], r.Doc.Askers);
        Assert.Equal(["q1", "q2"], r.Items.Select(i => i.Id));
        Assert.Contains("de deuren»?[1]", r.Text, StringComparison.Ordinal);
        Assert.Contains("(12 345, nr. 67)", r.Text, StringComparison.Ordinal);                      // no-break spaces become plain spaces
    }

    [Theory]
    [InlineData("Een korte notitie zonder herkenbare opmaak.", "text")]                                // unknown layout: the fallback keeps it
    [InlineData("MOTIE VAN HET LID JANSEN\nDe Kamer,\nverzoekt de regering iets te doen,\nen gaat over tot de orde van de dag.\nJansen", "motion")]
    [InlineData("{\"Nummer\": \"2022Z00001\", \"Onderwerp\": \"Motie van het lid Jansen over iets\"}", "motion-record")]
    public void Detection_picks_the_reader_for_the_layout(string text, string format) =>
        Assert.Equal(format, Read(new SourceDocument("note.txt", text)).Format);

    [Fact]
    public void A_motion_without_footer_or_dossier_gets_a_file_id_and_sponsors_from_its_signature()
    {
        var r = Read(new SourceDocument("motie-zonder-nummer.txt", "MOTIE VAN DE LEDEN JANSEN EN VAN DER MEER\nDe Kamer,\nverzoekt de regering iets te doen,\nen gaat over tot de orde van de dag.\nJansen\nVan der Meer\n"));
        Assert.Equal("file:motie-zonder-nummer", r.Doc.Id);
        Assert.Equal(["Jansen", "Van der Meer"], r.Doc.Sponsors);
        Assert.Null(r.Doc.Dossier);
    }

    [Fact]
    public void A_motion_record_without_a_zaak_number_is_a_format_error_naming_the_file()
    {
        var source = new SourceDocument("moties.jsonl#12", "{\"Nummer\": \"geen\", \"Onderwerp\": \"Motie van het lid X\"}");
        var e = Assert.Throws<DocumentFormatException>(() => Read(source));
        Assert.Equal("moties.jsonl#12", e.File);
        Assert.Contains("zaak", e.Reason, StringComparison.Ordinal);
    }
}
