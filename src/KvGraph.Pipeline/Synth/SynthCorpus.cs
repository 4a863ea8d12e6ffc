using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KvGraph.Pipeline.Synth;

/// <summary>What to generate.</summary>
/// <param name="Documents">How many documents (questions with their answers, and motion texts).</param>
/// <param name="Seed">The same seed gives the same corpus, byte for byte.</param>
/// <param name="OcrNoise">Share of prose characters damaged as OCR damages them (0..0.2).</param>
public sealed record SynthOptions(int Documents, int Seed = 1, double OcrNoise = 0.002)
{
    public int Documents { get; } = Documents is > 0 and <= 10_000_000 ? Documents : throw new ArgumentOutOfRangeException(nameof(Documents), "between 1 and 10,000,000 documents");

    public double OcrNoise { get; } = OcrNoise is >= 0 and <= 0.2 ? OcrNoise : throw new ArgumentOutOfRangeException(nameof(OcrNoise), "between 0 and 0.2");
}

/// <summary>One citation a generated document makes, as the extractor must find it.</summary>
public sealed record SynthCitation(string Kind, string Target);

/// <summary>One generated document in the truth file: its file relative to the corpus folder, its id, what it cites.</summary>
public sealed record SynthDocumentTruth(string File, string Id, IReadOnlyList<SynthCitation> Citations);

/// <summary>
/// Compile-time JSON metadata for the truth file's lines (camelCase: <c>{"file":…,"id":…,"citations":[{"kind":…,"target":…}]}</c>,
/// System.Text.Json's default escaping), the one shape <see cref="SynthCorpus"/> writes and reads, without reflection.
/// </summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(SynthDocumentTruth))]
internal sealed partial class SynthJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

/// <summary>What the generator wrote.</summary>
public sealed record SynthSummary(int Documents, int Answers, int Motions, int Citations, long Bytes, string TruthFile);

/// <summary>
/// A corpus generator for scale and accuracy tests (<c>kvgraph synth</c>). It writes documents in the formats KvGraph reads
/// — openkamer-style question-and-answer pages and motion texts in the moties-toegelicht layout — with citations phrased
/// as the real corpus phrases them (the rows of the recognisers' spec tables): numbered motions with their sponsors,
/// Kamerstukken, earlier answers by zaak. The citation network is heavy-tailed (a few motions cited very often, Zipf),
/// answers cite earlier answers (chains) and documents outside the corpus. Prose carries OCR damage at the given rate;
/// the citations themselves are written clean, so the truth file (<c>truth.jsonl</c>: file, id, citations) is what a
/// perfect extractor finds. Deterministic per seed; streams, so a million documents need no more memory than ten.
/// </summary>
public static class SynthCorpus
{
    public const string TruthFileName = "truth.jsonl";

    private static readonly string[] Surnames =
    [
        "Bikker", "Jetten", "Klaver", "Omtzigt", "Ploumen", "Sjoerdsma", "Kuzu", "Dassen", "Bromet", "Grinwis", "Flach", "Tielen",
        "Hirsch", "Teunissen", "Veldkamp", "Piri", "Boswijk", "Eerdmans", "Kröger", "Laçin", "Beckerman", "Wassenberg", "Agema",
        "Van der Staaij", "Van den Nieuwenhuijzen", "De Roon", "Van Haga", "Stoffer", "Segers", "Bisschop", "Van Campen", "Heerma",
    ];

    private static readonly string[] Parties = ["VVD", "PVV", "CDA", "D66", "GroenLinks", "PvdA", "SP", "ChristenUnie", "SGP", "Partij voor de Dieren", "Volt", "JA21"];

    private static readonly string[] Offices =
    [
        "minister van Buitenlandse Zaken", "minister van Justitie en Veiligheid", "minister van Volksgezondheid, Welzijn en Sport",
        "minister van Landbouw, Natuur en Voedselkwaliteit", "staatssecretaris van Financiën", "minister voor Klimaat en Energie",
    ];

    private static readonly string[] Subjects =
    [
        "de stikstofuitstoot van de veehouderij", "de wachtlijsten in de jeugdzorg", "netcongestie in Limburg", "de situatie van Oeigoeren in Xinjiang",
        "de opvang van asielzoekers", "de uitvoering van de Omgevingswet", "de gaswinning in Groningen", "de tarieven van het openbaar vervoer",
        "de bescherming van klokkenluiders", "de luchtkwaliteit rond Schiphol", "de exportkredietverzekering", "het lerarentekort",
    ];

    // The category names openkamer lists under "Onderwerpen" (the government's subject taxonomy), lower case as the pages
    // write them; an answer's line is a run of one to three of them, space-separated, as on the real pages ("burgerlijk
    // recht criminaliteit openbare orde en veiligheid recht"). Only names the reader keeps whole, so every topic the
    // generated corpus asserts is a category, never a word of a phrase ("de", "van") as when the line was the subject.
    internal static readonly string[] Categories =
    [
        "openbare orde en veiligheid", "burgerlijk recht", "staatsrecht", "economie", "internationaal recht", "bestuursrecht",
        "onderwijs en wetenschap", "zorg en gezondheid", "ruimte en infrastructuur", "natuur en milieu", "werk", "sociale zekerheid",
        "cultuur en recreatie", "huisvesting", "migratie en integratie", "landbouw", "verkeer",
        "belasting", "financiën", "bestuur", "defensie", "energie", "recht", "criminaliteit",
        "internationale samenwerking", "ontwikkelingssamenwerking", "internationale betrekkingen",
    ];

    private static readonly string[] Dossiers = ["21501-20", "21501-08", "35570-V", "36200-VII", "31016", "29826", "23432", "36410-XIV", "32813", "29538"];

    private static readonly string[] Months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    /// <summary>Writes the corpus and its truth file into <paramref name="folder"/>.</summary>
    public static SynthSummary Write(string folder, SynthOptions options, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(folder);
        var rng = new Random(options.Seed);
        var motionCount = Math.Max(1, options.Documents / 5);
        var answers = 0;
        var citations = 0;
        long bytes = 0;
        var truthPath = Path.Combine(folder, TruthFileName);
        using var truth = new StreamWriter(truthPath, false, new UTF8Encoding(false));
        var earlier = new List<string>(); // zaak numbers of answers written so far (chains of answers citing answers)
        for (var i = 0; i < options.Documents; i++)
        {
            var sub = Path.Combine(folder, (i / 1000).ToString("D4", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(sub);
            (string Name, string Id, string Text, List<SynthCitation> Cited) doc = i % 5 == 4 && i / 5 < motionCount
                ? Motion(rng, i / 5, options.Seed)
                : Answer(rng, i, motionCount, earlier, options);
            if (!doc.Id.StartsWith("kst-", StringComparison.Ordinal))
            {
                answers++;
            }

            var path = Path.Combine(sub, doc.Name);
            var content = Encoding.UTF8.GetBytes(doc.Text);
            File.WriteAllBytes(path, content);
            bytes += content.Length;
            citations += doc.Cited.Count;
            truth.WriteLine(JsonSerializer.Serialize(new SynthDocumentTruth(Path.GetRelativePath(folder, path), doc.Id, doc.Cited), SynthJsonContext.Default.SynthDocumentTruth));
            if ((i + 1) % 10_000 == 0)
            {
                progress?.Report(i + 1);
            }
        }

        return new SynthSummary(options.Documents, answers, options.Documents - answers, citations, bytes, truthPath);
    }

    /// <summary>The truth file, in the order synth wrote it: per document its relative file, its id and the citations (kind, target) it holds.</summary>
    public static IReadOnlyList<SynthDocumentTruth> ReadTruth(string folder)
    {
        var truth = new List<SynthDocumentTruth>();
        foreach (var line in File.ReadLines(Path.Combine(folder, TruthFileName)))
        {
            truth.Add(JsonSerializer.Deserialize(line, SynthJsonContext.Default.SynthDocumentTruth)
                ?? throw new InvalidDataException($"{Path.Combine(folder, TruthFileName)}: a line is null, not a document's truth"));
        }

        return truth;
    }

    // The k-th motion of the universe: dossier, number, sponsor and date follow from k alone, so every citer names it alike.
    private static (string Dossier, int Number, string Sponsor, DateOnly Date) MotionOf(int k, int seed)
    {
        var h = Mix(k, seed);
        var dossier = Dossiers[h % (uint)Dossiers.Length];
        var sponsor = Surnames[(h / 7) % (uint)Surnames.Length];
        var date = new DateOnly(2018, 1, 1).AddDays((int)((h / 13) % 2000));
        return (dossier, 100 + k, sponsor, date);
    }

    // SplitMix64's finaliser over (k, seed): the same on every run and machine. HashCode.Combine, used before, is seeded
    // per process, so two runs of `synth` with one seed named their motions' dossiers, sponsors and dates differently.
    private static uint Mix(int k, int seed)
    {
        var x = unchecked(((ulong)(uint)k << 32 | (uint)seed) + 0x9E3779B97F4A7C15UL);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return (uint)(x ^ (x >> 31));
    }

    private static string Kst(string dossier, int number) => $"kst-{dossier}-{number.ToString(CultureInfo.InvariantCulture)}";

    // "21501-20" → "21 501-20"; "35570-V" → "35 570 V": as the documents write dossier numbers.
    private static string Spaced(string dossier)
    {
        var dash = dossier.IndexOf('-', StringComparison.Ordinal);
        var num = dash < 0 ? dossier : dossier[..dash];
        var spaced = num.Length > 3 ? $"{num[..^3]} {num[^3..]}" : num;
        if (dash < 0)
        {
            return spaced;
        }

        var suffix = dossier[(dash + 1)..];
        return suffix.All(char.IsAsciiDigit) ? $"{spaced}-{suffix}" : $"{spaced} {suffix}";
    }

    private static string Dutch(DateOnly d) => $"{d.Day.ToString(CultureInfo.InvariantCulture)} {Months[d.Month - 1]} {d.Year.ToString(CultureInfo.InvariantCulture)}";

    private static (string, string, string, List<SynthCitation>) Motion(Random rng, int k, int seed)
    {
        var (dossier, number, sponsor, date) = MotionOf(k, seed);
        var subject = Subjects[rng.Next(Subjects.Length)];
        var text = new StringBuilder();
        text.Append("# source: synth\n# titel: ").Append(subject).Append("\n# onderwerp: Motie van het lid ").Append(sponsor).Append('\n');
        text.Append("# ---- original text (PDF-to-text) below ----\n");
        text.Append(Dutch(date)).Append("\n\n").Append(dossier).Append('-').Append(number.ToString(CultureInfo.InvariantCulture)).Append('\n').Append(subject).Append("\n\n");
        text.Append("MOTIE VAN HET LID ").Append(sponsor.ToUpperInvariant()).Append("\n\nDe Kamer,\n\ngehoord de beraadslaging,\n");
        text.Append("constaterende dat ").Append(subject).Append(" aandacht vraagt;\n");
        text.Append("verzoekt de regering de Kamer voor het einde van het jaar te informeren,\nen gaat over tot de orde van de dag.\n").Append(sponsor).Append('\n');
        return ($"motie-{dossier}-{number}.txt", Kst(dossier, number), text.ToString(), []);
    }

    private static (string, string, string, List<SynthCitation>) Answer(Random rng, int i, int motions, List<string> earlier, SynthOptions options)
    {
        // 25 years × 89,999 zaak numbers: unique for the first 2,249,975 documents (25 and 89,999 are coprime).
        var year = 2000 + (i % 25);
        var zaak = $"{year.ToString(CultureInfo.InvariantCulture)}Z{(10000 + (i % 89999)).ToString("D5", CultureInfo.InvariantCulture)}";
        var vj = $"{(year - 1).ToString(CultureInfo.InvariantCulture)}{year.ToString(CultureInfo.InvariantCulture)}";
        var nr = (1000 + i).ToString(CultureInfo.InvariantCulture);
        var asker = Surnames[rng.Next(Surnames.Length)];
        var party = Parties[rng.Next(Parties.Length)];
        var office = Offices[rng.Next(Offices.Length)];
        var subject = Subjects[rng.Next(Subjects.Length)];
        var submitted = new DateOnly(year, 1 + rng.Next(11), 1 + rng.Next(27));
        var answered = submitted.AddDays(21 + rng.Next(40));
        var cited = new List<SynthCitation>();
        var sb = new StringBuilder();
        sb.Append("Kamervraag ").Append(zaak).Append("\n\nVragen over ").Append(subject).Append("\n\n");
        sb.Append("Ingediend ").Append(Dutch(submitted)).Append('\n');
        sb.Append("Beantwoord ").Append(Dutch(answered)).Append(" (na ").Append(answered.DayNumber - submitted.DayNumber).Append(" dagen)\n");
        sb.Append("Indieners ").Append(asker).Append(" (").Append(party).Append(")\n");
        sb.Append("Beantwoord door Bewindspersoon (").Append(office).Append(")\n");
        sb.Append("Onderwerpen ").Append(string.Join(' ', TopicsOf(i, options.Seed))).Append('\n');
        sb.Append("Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-").Append(zaak).Append(".html\n");
        sb.Append("Bron antwoord https://zoek.officielebekendmakingen.nl/ah-tk-").Append(vj).Append('-').Append(nr).Append(".html\n");
        var items = 1 + rng.Next(4);
        for (var q = 1; q <= items; q++)
        {
            sb.Append(" • Vraag ").Append(q).Append("\n  ").Append(Noise(rng, $"Bent u bekend met de berichten over {subject}? Wat is uw reactie daarop?", options.OcrNoise)).Append("\n\n  ");
            sb.Append(Noise(rng, "Ja. Het kabinet volgt de ontwikkelingen nauwgezet en informeert uw Kamer daarover.", options.OcrNoise));
            var k = rng.NextDouble() < 0.7 ? 1 + (int)(-Math.Log(1 - rng.NextDouble()) * 1.2) : 0;
            for (var c = 0; c < k; c++)
            {
                sb.Append(' ').Append(Citation(rng, motions, earlier, options.Seed, cited)).Append(' ');
                sb.Append(Noise(rng, "Daar is op dit moment niets aan toe te voegen.", options.OcrNoise));
            }

            sb.Append("\n\n");
        }

        earlier.Add(zaak);
        return ($"kamervraag-{zaak}.txt", $"ah-tk-{vj}-{nr}", sb.ToString(), cited);
    }

    // The categories of the i-th document's Onderwerpen line (an answer's): one to three distinct ones. Drawn from a hash
    // of (document, seed), not from the shared random stream, so every other byte of the corpus is what it was when the
    // line repeated the subject.
    internal static IReadOnlyList<string> TopicsOf(int i, int seed)
    {
        var h = Mix(i, seed ^ 0x5A17);
        var count = 1 + (int)(h % 3);
        var picked = new List<string>(count);
        for (var n = 0u; picked.Count < count; n++)
        {
            // 7919 is coprime with the number of categories, so n walks through all of them and the loop ends.
            var name = Categories[(h / 3 + n * 7919u) % (uint)Categories.Length];
            if (!picked.Contains(name))
            {
                picked.Add(name);
            }
        }

        return picked;
    }

    // One citation sentence, phrased as the corpus phrases it; the truth is what the extractor should report.
    private static string Citation(Random rng, int motions, List<string> earlier, int seed, List<SynthCitation> cited)
    {
        var roll = rng.NextDouble();
        if (roll < 0.55)
        {
            // A motion, heavy-tailed: Zipf-like over the motion universe (a few are cited very often).
            var k = Math.Min(motions - 1, (int)Math.Floor(Math.Pow(motions, rng.NextDouble()) - 1));
            var (dossier, number, sponsor, _) = MotionOf(k, seed);
            cited.Add(new SynthCitation("motion", Kst(dossier, number)));
            var n = number.ToString(CultureInfo.InvariantCulture);
            return rng.Next(3) switch
            {
                0 => $"Zoals verzocht in de motie {sponsor} c.s. ({Spaced(dossier)}, nr. {n}) is de Kamer geïnformeerd.",
                1 => $"Met de motie-{sponsor} ({Spaced(dossier)}, nr. {n}) heeft uw Kamer daarom gevraagd.",
                _ => $"Ik verwijs naar de motie van het lid {sponsor} (Kamerstuk {Spaced(dossier)}, nr. {n}).",
            };
        }

        if (roll < 0.8 || earlier.Count == 0)
        {
            // A Kamerstuk outside the corpus (a letter, a report).
            var dossier = Dossiers[rng.Next(Dossiers.Length)];
            var n = (1000 + rng.Next(3000)).ToString(CultureInfo.InvariantCulture);
            cited.Add(new SynthCitation("kamerstuk", Kst(dossier, int.Parse(n, CultureInfo.InvariantCulture))));
            return rng.Next(2) == 0 ? $"Zie hierover ook Kamerstuk {Spaced(dossier)}, nr. {n}." : $"Ik heb uw Kamer hierover bericht (Kamerstuk {Spaced(dossier)}, nr. {n}).";
        }

        // An earlier answer, by its zaak: chains of answers citing answers.
        var zaak = earlier[earlier.Count - 1 - Math.Min(earlier.Count - 1, (int)(-Math.Log(1 - rng.NextDouble()) * 20))];
        cited.Add(new SynthCitation("zaak", zaak));
        return $"Ik verwijs naar mijn antwoorden op de vragen met kenmerk {zaak}.";
    }

    // OCR damage in prose: look-alike letters, a dropped space, a line broken in the middle.
    private static string Noise(Random rng, string prose, double rate)
    {
        if (rate <= 0)
        {
            return prose;
        }

        var sb = new StringBuilder(prose.Length + 4);
        foreach (var ch in prose)
        {
            if (rng.NextDouble() >= rate)
            {
                sb.Append(ch);
                continue;
            }

            switch (ch)
            {
                case 'l': sb.Append('1'); break;
                case 'o': sb.Append('0'); break;
                case 'e': sb.Append('c'); break;
                case 'n': sb.Append("rn"); break;
                case ' ': sb.Append(rng.Next(2) == 0 ? string.Empty : "\n"); break;
                default: sb.Append(ch); break;
            }
        }

        return sb.ToString();
    }
}
