using KvGraph.Core.Extraction;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Extraction;

/// <summary>
/// The one-pass trigger scan decides exactly what one ordinal, case-ignoring search per trigger decides: a recogniser runs
/// when one of its triggers is in the text, or when it has none.
/// </summary>
public sealed class TriggerScanTests
{
    private static readonly IReadOnlyList<IReadOnlyList<string>> Default =
    [
        .. ExtractorOptions.Default.CitationRecognizers.Select(r => r.Triggers),
        .. ExtractorOptions.Default.EntityRecognizers.Select(r => r.Triggers),
    ];

    private static bool[] OneSearchPerTrigger(string text) =>
        [.. Default.Select(ts => ts.Count == 0 || ts.Any(t => text.Contains(t, StringComparison.OrdinalIgnoreCase)))];

    [Theory]
    // A motion and its Kamerstuk number (seed phrasing): motion, kamerstuk ("nr") and the entity recognisers.
    [InlineData("de motie Van den Nieuwenhuijzen c.s. (21 501-20, nr. 1591)")]
    // Triggers in capitals and glued to other words still count: "MOTIE", "Kamerstukken".
    [InlineData("MOTIE VAN HET LID SJOERDSMA; Kamerstukken II 2019/20")]
    // A trigger inside a longer word: "antwoorden" holds "antwoord", "vragen" holds the trigger "vragen".
    [InlineData("Antwoorden op vragen van het lid Omtzigt")]
    // No trigger at all: only the recognisers without triggers run.
    [InlineData("Het kabinet zal de Kamer hierover informeren.")]
    // Empty text: the same.
    [InlineData("")]
    // A trigger at the very end of the text ("ecli").
    [InlineData("zie de uitspraak ECLI")]
    // Almost-triggers are not triggers: "motif", "dossie", "kenmer".
    [InlineData("een motif, een dossie en een kenmer")]
    // A sentence of a real answer without a citation: no trigger.
    [InlineData("Bij de stemming waren alle leden aanwezig.")]
    // A trigger whose first letter is written as a character outside ASCII that folds onto it (the Kelvin sign for "k"):
    // the scan tries every trigger at a non-ASCII character, as the runtime's comparison decides.
    [InlineData("het \u212Aenmerk en de \u212Aamerstukken")]
    // Triggers starting with a digit or a hyphen-bearing id in upper case: "D0" (TkDocument), "AH-TK-", "H-TK-".
    [InlineData("zie D012345 en AH-TK-20232024-12 en H-TK-20172018-70-1")]
    public void Decides_what_one_search_per_trigger_decides(string text) =>
        Assert.Equal(OneSearchPerTrigger(text), new TriggerScan(Default).Scan(text));

    [SkippableFact]
    public void Decides_the_same_on_every_corpus_text()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the corpus is not at {TestPaths.CorpusRaw}");
        var scan = new TriggerScan(Default);
        var files = Directory.GetFiles(TestPaths.CorpusRaw, "*.txt", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.True(OneSearchPerTrigger(text).SequenceEqual(scan.Scan(text)), file);
        }
    }

    [Fact]
    public void A_recogniser_with_an_empty_trigger_always_runs() =>
        Assert.Equal(new[] { true, false }, new TriggerScan([[""], ["motie"]]).Scan("geen van beide"));
}
