using System.Text.RegularExpressions;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.TestSupport;
using Xunit.Abstractions;

namespace KvGraph.Core.Tests.Evaluation;

/// <summary>
/// The evaluation over real documents: hand-checked gold (Evaluation/Gold, written by reading the documents) against
/// what the real extractor finds. Prints precision and recall per citation kind, lists every miss and every false
/// find, writes the same report to <c>kvgraph-eval.txt</c> in the temp folder, and fails below the bar.
/// </summary>
public sealed partial class CitationEvaluationTests(ITestOutputHelper output)
{
    // The floor guarded here is the identity issue's target, precision 0.97 and recall 0.95. Measured over 49 documents:
    // 0.964 / 0.973 when the identity rules landed, 0.982 / 0.982 once grouped markers, "de betreffende motie", comma
    // and line-start markers, date-first letters and keyword-less kenmerken were followed (see the gold README).
    private const double MinPrecision = 0.97;
    private const double MinRecall = 0.95;

    private static readonly Dictionary<string, Regex> TargetShapes = new(StringComparer.Ordinal)
    {
        ["motion"] = KstOrSponsorRx(),
        ["kamerstuk"] = KstRx(),
        ["dossier"] = DossierRx(),
        ["aanhangsel"] = AanhangselRx(),
        ["handelingen"] = HandelingenRx(),
        ["zaak"] = ZaakRx(),
        ["tkdocument"] = TkDocumentRx(),
        ["letter"] = LetterRx(),
        ["reference"] = ReferenceRx(),
        ["ecli"] = EcliRx(),
        ["answer"] = AnswerRx(),
    };

    [Fact]
    public void GoldCoversEnoughRealDocumentsInEveryFormat()
    {
        var gold = GoldSet.Load();
        var real = gold.Where(g => !g.IsSeed).ToList();

        Assert.True(real.Count >= 20, $"only {real.Count} real corpus documents have gold; at least 20 are needed");
        Assert.Contains(gold, g => g.File.StartsWith("seeds/000_", StringComparison.Ordinal));
        Assert.Contains(gold, g => g.File.StartsWith("seeds/004_", StringComparison.Ordinal));

        // Every format the readers must handle: Aanhangsel PDF text, ministry DOCX answers, questions, pdftotext, motions.
        Assert.Contains(real, g => g.Folder == "kamervragen-limburg/docs" && g.File.EndsWith(".pdf.txt", StringComparison.Ordinal) && g.DocId?.StartsWith("ah-tk-", StringComparison.Ordinal) == true);
        Assert.Contains(real, g => g.Folder == "kamervragen-limburg/docs" && g.File.EndsWith(".docx.txt", StringComparison.Ordinal) && g.File.Contains("Antwoord", StringComparison.Ordinal));
        Assert.Contains(real, g => g.Folder == "kamervragen-limburg/docs" && g.DocId?.StartsWith("kv-tk-", StringComparison.Ordinal) == true);
        Assert.True(real.Count(g => g.Folder == "learninglion-kamervragen/txt") >= 3, "need several pdftotext Aanhangsel documents");
        Assert.True(real.Count(g => g.Folder == "moties-toegelicht/motions") >= 3, "need several motions");
        Assert.True(real.Count(g => g.Citations.Count == 0) >= 3, "need documents without citations, where every find is a false positive");

        Assert.Equal(gold.Count, gold.Select(g => g.File).Distinct(StringComparer.Ordinal).Count());
        var kindsWithGold = gold.SelectMany(g => g.Required).Select(c => c.Kind).ToHashSet(StringComparer.Ordinal);
        Assert.True(kindsWithGold.Count >= 9, $"required gold covers only {string.Join(", ", kindsWithGold)}");
    }

    [Fact]
    public void GoldEntriesUseTheContractKindsAndIdShapes()
    {
        var problems = new List<string>();
        foreach (var doc in GoldSet.Load())
        {
            foreach (var c in doc.Citations)
            {
                foreach (var reading in c.Readings)
                {
                    if (!TargetShapes.TryGetValue(reading.Kind, out var shape))
                    {
                        problems.Add($"{doc.GoldFile}: unknown kind '{reading.Kind}'");
                    }
                    else if (!shape.IsMatch(reading.Target))
                    {
                        problems.Add($"{doc.GoldFile}: '{reading.Target}' is not a {reading.Kind} target");
                    }
                }

                if (string.IsNullOrWhiteSpace(c.Quote))
                {
                    problems.Add($"{doc.GoldFile}: {c.Kind} {c.Target} has no quote");
                }
            }
        }

        Assert.True(CitationKeys.KindNames.SetEquals(TargetShapes.Keys), "the gold checks must know every CitationKind");
        Assert.Empty(problems);
    }

    /// <summary>Every quote (each part of a body … footnote quote) stands in its document, so the gold cannot drift from the text.</summary>
    [SkippableFact]
    public void GoldQuotesStandInTheirDocuments()
    {
        var problems = new List<string>();
        var skipped = 0;
        foreach (var doc in GoldSet.Load())
        {
            if (!doc.IsSeed && !TestPaths.CorpusAvailable)
            {
                skipped++;
                continue;
            }

            Assert.True(File.Exists(doc.SourcePath), $"{doc.GoldFile}: document {doc.SourcePath} not found");
            var text = File.ReadAllText(doc.SourcePath);
            foreach (var c in doc.Citations)
            {
                foreach (var part in c.Quote.Split(" … ", StringSplitOptions.RemoveEmptyEntries))
                {
                    if (LooseText.FindAll(text, part).Count == 0)
                    {
                        problems.Add($"{doc.GoldFile}: quote part «{part}» ({c.Kind} {c.Target}) not in {doc.File}");
                    }
                }
            }
        }

        Assert.Empty(problems);
        Skip.If(skipped > 0, $"{skipped} corpus documents not checked: corpus not found at {TestPaths.CorpusRaw}");
    }

    [SkippableFact]
    public void CitationsMatchTheHandCheckedGold()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw} (set KVGRAPH_CORPUS)");

        var scores = GoldSet.Load().Select(Evaluate).ToList();
        var report = new EvaluationReport(scores);
        var heldOut = new EvaluationReport(scores.Where(s => s.Gold.HeldOut).ToList());
        var text = report.Render() + "\nHeld out (annotated before the identity changes, never tuned on):\n" + heldOut.RenderTotals();
        var path = Path.Combine(Path.GetTempPath(), "kvgraph-eval.txt");
        File.WriteAllText(path, text);
        output.WriteLine($"Evaluation report written to {path}");
        output.WriteLine(text);

        var errors = scores.Where(s => s.Error is not null).Select(s => $"{s.Gold.File}: {s.Error}").ToList();
        Assert.True(errors.Count == 0, "the extractor failed on real documents:\n" + string.Join('\n', errors));

        var precision = report.Total.Precision ?? 0;
        var recall = report.Total.Recall ?? 0;
        Assert.True(heldOut.Total.TruePositives + heldOut.Total.FalseNegatives > 0, "the held-out documents must have required gold");
        Assert.True(
            precision >= MinPrecision && recall >= MinRecall,
            $"citation precision {precision:0.000} (need {MinPrecision}) and recall {recall:0.000} (need {MinRecall}) " +
            $"over {scores.Count} documents; TP {report.Total.TruePositives}, FP {report.Total.FalsePositives}, FN {report.Total.FalseNegatives}. See {path}.");
    }

    private static DocumentScore Evaluate(GoldDocument gold)
    {
        var path = gold.SourcePath;
        if (!File.Exists(path))
        {
            return CitationMatcher.Failed(gold, $"file not found: {path}");
        }

        ExtractedDocument extracted;
        try
        {
            extracted = Extractor.Default.Extract(new SourceDocument(path, File.ReadAllText(path)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Recorded, reported and asserted on after the report is written, so one bad file does not hide the rest.
            return CitationMatcher.Failed(gold, $"{e.GetType().Name}: {e.Message}");
        }

        return CitationMatcher.Score(gold, extracted.Citations, OwnIds(extracted, gold));
    }

    private static HashSet<string> OwnIds(ExtractedDocument extracted, GoldDocument gold)
    {
        var own = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { extracted.Doc.Id };
        own.UnionWith(extracted.Doc.OwnIds);
        if (extracted.Doc.Zaak is { } zaak)
        {
            own.Add(zaak);
            own.Add($"kv-tk-{zaak}");
        }

        if (extracted.Doc.PairedId is { } paired)
        {
            own.Add(paired);
        }

        if (gold.DocId is { } docId)
        {
            own.Add(docId);
        }

        return own;
    }

    [GeneratedRegex(@"^(kst-\d{4,6}(-[0-9A-Z]+)*-[0-9A-Z]+|motion:[a-z]+)$")]
    private static partial Regex KstOrSponsorRx();

    [GeneratedRegex(@"^kst-\d{4,6}(-[0-9A-Z]+)*-[0-9A-Z]+$")]
    private static partial Regex KstRx();

    [GeneratedRegex(@"^dossier:\d{4,6}(-[0-9A-Z]+)*$")]
    private static partial Regex DossierRx();

    [GeneratedRegex(@"^ah-tk-\d{8}-\d+$")]
    private static partial Regex AanhangselRx();

    [GeneratedRegex(@"^h-tk-\d{8}-\d+(-\d+)?$")]
    private static partial Regex HandelingenRx();

    [GeneratedRegex(@"^\d{4}Z\d{5}$")]
    private static partial Regex ZaakRx();

    [GeneratedRegex(@"^\d{4}D\d{5}$")]
    private static partial Regex TkDocumentRx();

    [GeneratedRegex(@"^letter:\d{4}-\d{2}(-\d{2})?$")]
    private static partial Regex LetterRx();

    [GeneratedRegex(@"^\S+$")]
    private static partial Regex ReferenceRx();

    [GeneratedRegex(@"^ECLI:[A-Z]{2}:[A-Z0-9]+:\d{4}:[A-Z0-9.]+$")]
    private static partial Regex EcliRx();

    [GeneratedRegex(@"^(#a\d+|ah-tk-\d{8}-\d+#a\d+|\d{4}[ZD]\d{5}|ah-tk-\d{8}-\d+)$")]
    private static partial Regex AnswerRx();
}
