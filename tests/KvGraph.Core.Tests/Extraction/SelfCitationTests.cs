using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Extraction;

/// <summary>
/// A motion names itself in its title ("Motie van het lid Simons c.s. over …"); that is not a citation of an
/// unnumbered motion, or every one of the 7,071 open-data records would cite "itself" as an unresolved placeholder.
/// A motion text that refers to another member's motion still cites it.
/// </summary>
public sealed class SelfCitationTests
{
    [SkippableFact]
    public void Motion_records_do_not_cite_themselves()
    {
        var file = TestPaths.Corpus("tkmoties-index", "moties_2022_2023.jsonl");
        Skip.IfNot(File.Exists(file), $"corpus not found at {file}");
        var checkedRecords = 0;
        foreach (var (line, n) in File.ReadLines(file).Take(300).Select((l, i) => (l, i + 1)))
        {
            var doc = Extractor.Default.Extract(new SourceDocument($"{file}#{n}", line, "jsonl-record"));
            Assert.Equal(DocumentKind.Motion, doc.Doc.Kind);
            Assert.DoesNotContain(doc.Citations, c => c.Kind == CitationKind.Motion && c.Target is null);
            checkedRecords++;
        }

        Assert.Equal(300, checkedRecords);
    }

    [Fact]
    public void Another_members_unnumbered_motion_is_still_cited()
    {
        // Our own sentence, in the style of an answer letter: the motion is someone else's, so it is a citation.
        const string text = "Hierbij informeer ik uw Kamer over de uitvoering van de motie van het lid Bikker over de aanpak van femicide.";
        var doc = Extractor.Default.Extract(new SourceDocument("zelf-geschreven-brief.txt", text));
        Assert.Contains(doc.Citations, c => c.Kind == CitationKind.Motion && c.Target is null && c.Sponsors.Contains("Bikker"));
    }
}
