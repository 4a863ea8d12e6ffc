using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Reading;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Reading;

/// <summary>Headings and header phrasings as they really occur, including the official documents' own slips.</summary>
public sealed class HeaderPhrasingTests
{
    [Theory]
    [InlineData("Vraag 1", ItemKind.Question, new[] { 1 })]
    [InlineData("Vragen 3 en 4", ItemKind.Question, new[] { 3, 4 })]
    [InlineData("Vraag 3, 4 en 5", ItemKind.Question, new[] { 3, 4, 5 })]
    [InlineData("Antwoord 2", ItemKind.Answer, new[] { 2 })]
    [InlineData("Antwoord op vraag 1", ItemKind.Answer, new[] { 1 })]
    [InlineData("Antwoord op vragen 2,3 en 6", ItemKind.Answer, new[] { 2, 3, 6 })]          // seed 004
    [InlineData("Antwoord vragen 1,2,3,4 en 5", ItemKind.Answer, new[] { 1, 2, 3, 4, 5 })]   // Word answer without "op"
    [InlineData("Antwoord op vraag 3 en 4", ItemKind.Answer, new[] { 3, 4 })]
    [InlineData("Antwoord:", ItemKind.Answer, new int[0])]                                      // numbers come from the question before
    [InlineData("Antwoord", ItemKind.Answer, new int[0])]
    public void Headings_are_read_with_their_question_numbers(string line, ItemKind kind, int[] numbers)
    {
        var h = QuestionBlocks.Parse(line);
        Assert.NotNull(h);
        Assert.Equal(kind, h.Kind);
        Assert.Equal(numbers, h.Numbers);
    }

    [Theory]
    [InlineData("Vraag van het lid Van Houwelingen (FVD) aan de Minister")]                    // a header line, not a heading
    [InlineData("Antwoord van Minister Agema (Volksgezondheid, Welzijn en Sport)")]
    [InlineData("Vraag is of dit zo blijft.")]
    [InlineData("Vragenuur")]
    public void Sentences_and_header_lines_are_not_headings(string line) =>
        Assert.Null(QuestionBlocks.Parse(line));

    [Theory]
    [InlineData("Van den Hil (VVD) en Bikker (ChristenUnie)", "Van den Hil/VVD|Bikker/ChristenUnie")]
    [InlineData("Bushoff en Patijn (beiden GroenLinks-PvdA)", "Bushoff/GroenLinks-PvdA|Patijn/GroenLinks-PvdA")]
    [InlineData("Sneller , Bamenga , Rooderkerk (allen D66) en Gabriëls (GroenLinks-PvdA)", "Sneller/D66|Bamenga/D66|Rooderkerk/D66|Gabriëls/GroenLinks-PvdA")]
    [InlineData("lid Inge van Dijk (CDA), Vijlbrief (D66)", "Inge van Dijk/CDA|Vijlbrief/D66")]
    [InlineData("Kuzu (DENK)", "Kuzu/DENK")]
    public void Member_lists_give_each_asker_a_party(string phrase, string expected) =>
        Assert.Equal(expected, string.Join('|', ReaderSupport.ParseMembers(phrase).Select(a => $"{a.Name}/{a.Party}")));

    [SkippableTheory]
    [InlineData("kamervragen-limburg/docs", "047_*", "Van Weel|Minister van Justitie en Veiligheid;Coenradie|Staatssecretaris van Justitie en Veiligheid")] // "en antwoord van Staatssecretaris …"
    [InlineData("kamervragen-limburg/docs", "076_*", "Van Marum|Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties;Hermans|Minister van Klimaat en Groene Groei")] // "en van Minister …"
    [InlineData("learninglion-kamervragen/txt", "01bf9f06-*.txt", "De Jonge|Minister van Binnenlandse Zaken en Koninkrijksrelaties")] // "(ontvangen (ontvangen 7 juni 2024)"
    [InlineData("learninglion-kamervragen/txt", "01b2bcad-*.txt", "Bruins Slot|Minister van BZ;Schreinemacher|Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking")] // "voor" from the addressee
    public void Answerers_are_read_from_real_reply_lines(string folder, string pattern, string expected)
    {
        Skip.IfNot(TestPaths.CorpusAvailable, "corpus not available");
        var path = Directory.GetFiles(TestPaths.Corpus(folder.Split('/')), pattern).Single();
        var source = new SourceDocument(path, File.ReadAllText(path));
        var doc = DocumentReaders.Default.OrderByDescending(r => r.Detect(source)).First().Read(source).Doc;
        Assert.Equal(expected, string.Join(';', doc.Answerers.Select(a => $"{a.Name}|{a.Office}")));
    }

    [SkippableFact]
    public void Glued_over_in_the_header_still_separates_addressee_and_subject()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, "corpus not available");
        var path = Directory.GetFiles(TestPaths.Corpus("kamervragen-limburg", "docs"), "071_*").Single();
        var source = new SourceDocument(path, File.ReadAllText(path));
        var doc = DocumentReaders.Default.OrderByDescending(r => r.Detect(source)).First().Read(source).Doc;
        Assert.Equal("kv-tk-2024Z18438", doc.Id);
        Assert.Equal(["Sneller", "Bamenga", "Rooderkerk", "Gabriëls"], doc.Askers.Select(a => a.Name));  // "Waterstaat overde faillissementen"
        Assert.StartsWith("de faillissementen van steeds meer koplopers", doc.Title, StringComparison.Ordinal);
    }
}
