using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Tests.Evaluation;
using KvGraph.TestSupport;
using Xunit.Abstractions;

namespace KvGraph.Core.Tests.Extraction;

/// <summary>
/// Property-based tests (FsCheck) of the extract contract on any input (issue 11): extraction never throws on an
/// arbitrary string (only a blank one is refused, as a <see cref="DocumentFormatException"/>); every citation, entity and
/// vote span lies inside the cleaned text and its quote is exactly the text there. Then the same on real corpus documents
/// with OCR-like damage, and how recall falls with the damage.
/// </summary>
public sealed class ExtractionProperties(ITestOutputHelper output)
{
    [Property(MaxTest = 300)]
    public bool Any_string_is_extracted_or_refused_as_blank(string? text) => Holds(text ?? string.Empty);

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(CitationSoup) })]
    public bool Citation_soup_is_extracted_with_every_span_inside_the_text(string text) => Holds(text);

    [SkippableFact]
    public void Ocr_damaged_real_documents_never_crash_and_keep_their_spans()
    {
        var docs = RealDocuments();

        // Each run: a document, a seed and a rate; FsCheck picks them and shrinks a failure to the smallest case.
        var property = Prop.ForAll(
            Gen.Choose(0, docs.Count - 1).Zip(Gen.Choose(0, int.MaxValue - 1)).Zip(Gen.Elements(0.001, 0.01, 0.05, 0.2)).ToArbitrary(),
            x =>
            {
                var ((index, seed), rate) = x;
                var (path, text) = docs[index];
                return Holds(OcrNoise.Apply(text, rate, seed), path);
            });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), property);
    }

    [SkippableFact]
    public void Recall_against_the_clean_extraction_degrades_gradually_with_ocr_noise()
    {
        // Micro-averaged over the real documents, three seeds each: the share of a document's clean (kind, target)
        // citations still found when the text is damaged at each rate.
        var docs = RealDocuments();
        var clean = docs.Select(d => Keys(Extractor.Default.Extract(new SourceDocument(d.Path, d.Text)))).ToList();
        var total = clean.Sum(c => c.Count);
        Assert.True(total > 150, $"only {total} clean citations to measure recall on");

        var recall = new Dictionary<double, double>();
        foreach (var rate in new[] { 0.001, 0.005, 0.01, 0.02, 0.05 })
        {
            var kept = 0;
            var all = 0;
            for (var i = 0; i < docs.Count; i++)
            {
                for (var seed = 1; seed <= 3; seed++)
                {
                    var noisy = Keys(Extractor.Default.Extract(new SourceDocument(docs[i].Path, OcrNoise.Apply(docs[i].Text, rate, seed))));
                    kept += clean[i].Count(noisy.Contains);
                    all += clean[i].Count;
                }
            }

            recall[rate] = (double)kept / all;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"noise {rate:P1}: recall {recall[rate]:0.000} of {all} clean citations ({docs.Count} documents × 3 seeds)"));
        }

        // Gradual: high at light noise, at least 0.8 at 1 %, and never rising much as the noise grows.
        Assert.True(recall[0.001] >= 0.95, $"recall at 0.1 % noise is {recall[0.001]:0.000}");
        Assert.True(recall[0.01] >= 0.8, $"recall at 1 % noise is {recall[0.01]:0.000}");
        var rates = recall.Keys.Order().ToList();
        for (var i = 1; i < rates.Count; i++)
        {
            Assert.True(recall[rates[i]] <= recall[rates[i - 1]] + 0.02, $"recall rose from {recall[rates[i - 1]]:0.000} to {recall[rates[i]]:0.000} with more noise");
        }
    }

    [Theory]
    // found by the citation-soup property: a Javanese digit after an item number made int.Parse throw
    [InlineData("Handelingen II 2023/24, nr. 45, item 12\ua9d2", "h-tk-20232024-45-12")]
    // Arabic-Indic digits where the number should be: the dossier is cited, the number is not read
    [InlineData("Kamerstuk 21 501-20, nr. \u0661\u0665\u0669\u0661", "dossier:21501-20")]
    // Devanagari digits in a zaak-like number and a date: nothing is cited
    [InlineData("zaak 2019Z\u0967\u0969\u0968\u096a\u096b op \u0967\u0968 maart 2020", null)]
    public void Digits_of_other_scripts_are_not_numbers(string text, string? target)
    {
        Assert.True(Holds(text));
        var doc = Extractor.Default.Extract(new SourceDocument("digits.txt", text));
        Assert.Equal(target, doc.Citations.SingleOrDefault()?.Target);
    }

    [Fact]
    public void Ocr_noise_makes_the_named_mutations_and_only_those()
    {
        // The noise model itself: at rate 1 every eligible character is changed; letters other than l/O get a line break
        // before them; nothing is changed at rate 0; the same seed gives the same text.
        Assert.Equal("Kamerstuk 21 501-20, nr. 1591", OcrNoise.Apply("Kamerstuk 21 501-20, nr. 1591", 0, 7));
        var all = OcrNoise.Apply("1l0O a", 1, 7);
        Assert.StartsWith("l1O0", all, StringComparison.Ordinal);
        Assert.EndsWith("\na", all, StringComparison.Ordinal);
        Assert.Equal(OcrNoise.Apply("motie Sjoerdsma c.s. (21 501-20, nr. 1591)", 0.3, 42), OcrNoise.Apply("motie Sjoerdsma c.s. (21 501-20, nr. 1591)", 0.3, 42));
    }

    /// <summary>The contract on one input: blank is refused, anything else extracted with every span inside the text.</summary>
    private static bool Holds(string text, string file = "property.txt")
    {
        ExtractedDocument doc;
        try
        {
            doc = Extractor.Default.Extract(new SourceDocument(file, text));
        }
        catch (DocumentFormatException) when (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var t = doc.Text;
        foreach (var c in doc.Citations)
        {
            Assert.True(c.Start >= 0 && c.Start < c.End && c.End <= t.Length, $"citation {c.Kind} {c.Target} span {c.Start}..{c.End} outside 0..{t.Length}");
            Assert.Equal(t[c.Start..c.End], c.Quote);
        }

        foreach (var e in doc.Entities.Where(e => e.Start >= 0))
        {
            Assert.True(e.Start <= e.End && e.End <= t.Length, $"entity {e.Kind} {e.Id} span {e.Start}..{e.End} outside 0..{t.Length}");
            if (e.Quote is { } quote)
            {
                Assert.Equal(t[e.Start..e.End], quote);
            }
        }

        foreach (var v in doc.Votes)
        {
            Assert.True(v.Start >= 0 && v.Start <= v.End && v.End <= t.Length, $"vote {v.Target} span {v.Start}..{v.End} outside 0..{t.Length}");
            Assert.Equal(t[v.Start..v.End], v.Quote);
        }

        return true;
    }

    /// <summary>What a document cites, by kind and target; an answer in the same document by its number only (the noise may change the document's own id).</summary>
    private static HashSet<(CitationKind, string?)> Keys(ExtractedDocument doc) =>
        doc.Citations.Select(c => (c.Kind, c.Target is { } t && t.Contains('#', StringComparison.Ordinal) ? t[t.IndexOf('#', StringComparison.Ordinal)..] : c.Target ?? c.Sponsor)).ToHashSet();

    /// <summary>The seeds and the real corpus documents with hand-checked gold (every format the readers handle).</summary>
    private static List<(string Path, string Text)> RealDocuments()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw}; these properties are measured on its documents");
        return GoldSet.Load().Select(g => g.SourcePath).Select(p => (p, File.ReadAllText(p))).ToList();
    }

    /// <summary>Strings made of real citation phrasings, their pieces, and arbitrary characters between them.</summary>
    public static class CitationSoup
    {
        private static readonly string[] Phrases =
        [
            .. AdversarialText.Patterns.Select(p => p.Unit),
            "motie Van den Nieuwenhuijzen c.s. (21 501-20, nr. 1591)", "de moties Sjoerdsma c.s. (21 501-20, nr. 1596), Ploumen (35 570 V, nr. 43) en Kuzu (35 570 V, nr. 53)",
            "Kamerstukken II 2019/20, 35 300-XV, nr. 28", "Kamerstuk 21501-20-2128", "kst-35570-V-43", "Aanhangsel Handelingen II 2020/21, nr. 2302",
            "Handelingen II 2023/24, nr. 45, item 12", "2019Z19189", "2019219189", "2024D12345", "ECLI:NL:HR:2019:1234",
            "Kamerbrief over Xinjiang van 27 augustus 2018 (kenmerk 2018715781)", "mijn brief van 10 september 2024 (Kamerstuk 23 432, nr. 537)",
            "mijn antwoorden op Kamervragen over het bericht (kenmerk 2019210940)", "Zie antwoord vraag 2", "zie antwoorden op de vragen 2 en 3",
            "door het lid Mutluer ingediende motie", "Zij krijgt nr. 253 (29538).", "In stemming komt de motie-Klaver (21 501-20, nr. 1591).",
            "Deze motie is voorgesteld door de leden Bergkamp en Segers.", "[1] Kamerstuk 29 544, nrs. 1200 en 1201", "de betreffende motie?[1]",
            "Vraag 1\n", "Antwoord 1\n", "De Kamer,\n", "11 maart jl.", "begin maart", "in 2015", "04-02-2021", "minister van Buitenlandse Zaken",
            "(PVV)", "GroenLinks-PvdA", "China", "Verenigde Naties", "nrs. 10 t/m 12", "nr. 684 en 685",
        ];

        private static readonly char[] Characters = " \n\u00a0.,;:()[]/-\u2013«»0123456789lIOabcKkMmnrsZz€é\u00ad\t\r".ToCharArray();

        public static Arbitrary<string> Texts() =>
            Gen.Frequency(
                    (4, Gen.Elements(Phrases)),
                    (2, Gen.Elements(Phrases).SelectMany(p => Gen.Choose(0, p.Length).Zip(Gen.Choose(0, p.Length)).Select(x => p[Math.Min(x.Item1, x.Item2)..Math.Max(x.Item1, x.Item2)]))),
                    (3, Gen.Elements(Characters).ArrayOf().Select(cs => new string(cs))),
                    (1, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())))
                .ArrayOf()
                .Select(parts => string.Concat(parts))
                .ToArbitrary();
    }
}

/// <summary>
/// OCR-like damage at a rate: each character is, with that probability, mistaken as OCR and pdftotext do. 1 and l are
/// confused both ways, as are 0 and O; a space is dropped or becomes a line break; any other character gets a line break
/// before it (a line broken in the middle of a word or number). Deterministic per seed.
/// </summary>
internal static class OcrNoise
{
    public static string Apply(string text, double rate, int seed)
    {
        var random = new Random(seed);
        var sb = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
        {
            if (random.NextDouble() >= rate)
            {
                sb.Append(ch);
                continue;
            }

            switch (ch)
            {
                case '1': sb.Append('l'); break;
                case 'l': sb.Append('1'); break;
                case '0': sb.Append('O'); break;
                case 'O': sb.Append('0'); break;
                case ' ':
                    if (random.Next(2) == 0)
                    {
                        sb.Append('\n');
                    }

                    break;
                default: sb.Append('\n').Append(ch); break;
            }
        }

        return sb.ToString();
    }
}
