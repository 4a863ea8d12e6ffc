using System.Text.RegularExpressions;
using KvGraph.Core.Cleaning;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;
using KvGraph.Core.Text;

namespace KvGraph.Core.Reading;

/// <summary>
/// Motion texts (PDF-to-text of the Kamerstuk), optionally after "# key: value" lines that describe where the text came
/// from (titel, onderwerp, tk_document_guid): dossier ("29 984", "21 501-20", "36 200 VII"), "Nr. 1082",
/// "MOTIE VAN HET LID X" / "VAN DE LEDEN X EN Y", "Voorgesteld 26 januari 2023", the signatures under the text
/// (the best source for the sponsors' names in their own spelling) and the <c>kst-</c> footer.
/// </summary>
/// <remarks>
/// Without a kst footer the id is built from dossier and number; without those it is <c>tkdoc:&lt;guid&gt;</c>
/// from the header, and only then <c>file:&lt;name&gt;</c>.
/// </remarks>
internal sealed partial class MotionReader : IDocumentReader
{
    public string Format => "motion";

    public double Detect(SourceDocument source)
    {
        var t = source.Text;
        var motie = MotieRx().IsMatch(t);
        if (!motie)
        {
            return 0;
        }

        return t.Contains("gaat over tot de orde van de dag", StringComparison.Ordinal) || t.Contains("Voorgesteld", StringComparison.Ordinal) ? 0.9 : 0.3;
    }

    public ReadDocument Read(SourceDocument source)
    {
        var lines = TextNormalizer.Lines(TextNormalizer.Normalize(source.Text));
        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var body = new List<string>();
        foreach (var l in lines)
        {
            if (HeaderLineRx().Match(l) is { Success: true } h)
            {
                header[h.Groups["k"].Value] = h.Groups["v"].Value.Trim();
            }
            else if (!l.StartsWith("# ----", StringComparison.Ordinal))
            {
                body.Add(l);
            }
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in header)
        {
            metadata[$"header-{k}"] = v;
        }

        var warnings = new List<string>();
        string? kst = null, dossier = null, number = null, vergaderjaar = null;
        DateOnly? date = null;
        var motieIndex = body.FindIndex(l => MotieRx().IsMatch(l));
        if (motieIndex < 0)
        {
            throw new DocumentFormatException(source.File, "motion text without a 'MOTIE VAN …' line");
        }

        foreach (var l in body)
        {
            kst ??= KstLineRx().Match(l) is { Success: true } k && k.Length == l.Length ? l : null;
            if (vergaderjaar is null && VergaderjaarRx().Match(l) is { Success: true } vj)
            {
                vergaderjaar = Ids.Vergaderjaar(vj.Groups["vj"].Value);
            }

            date ??= VoorgesteldRx().Match(l) is { Success: true } vg ? ReaderSupport.DateOf(vg.Groups["d"].Value) : null;
        }

        // Dossier and number stand above the MOTIE line: "29 984" … "Nr. 1082", or "31016-367" in the short layout.
        for (var i = 0; i < motieIndex; i++)
        {
            var l = body[i];
            if (NrRx().Match(l) is { Success: true } nr)
            {
                number = nr.Groups["n"].Value;
            }
            else if (dossier is null && DossierLineRx().IsMatch(l) && Ids.NormalizeDossier(l) is { } d)
            {
                dossier = d;
            }
            else if (ShortDossierNrRx().Match(l) is { Success: true } dn)
            {
                dossier ??= Ids.NormalizeDossier(dn.Groups["d"].Value);
                number ??= dn.Groups["n"].Value;
            }
            else if (date is null && DutchDates.TryParse(l) is { } top && l.Length < 25)
            {
                date = top;
            }
        }

        // The short layout ("31016-367" above the MOTIE line, no "Nr." line) writes dossier and number as one token.
        if (number is null && dossier is not null && TrailingNumberRx().Match(dossier) is { Success: true } tn)
        {
            dossier = tn.Groups["d"].Value;
            number = tn.Groups["n"].Value;
        }

        // The kst footer is the official id; it also settles the dossier and number when the header lines are garbled.
        if (kst is not null && dossier is null && KstPartsRx().Match(kst) is { Success: true } kp)
        {
            dossier = kp.Groups["d"].Value;
            number ??= kp.Groups["n"].Value;
        }

        var motieLine = body[motieIndex];
        var sponsorsFromHeading = SponsorsFromHeading(motieLine);
        var signatures = Signatures(body);
        var sponsors = signatures.Count > 0 ? signatures : sponsorsFromHeading;
        if (signatures.Count > 0 && sponsorsFromHeading.Count > 0 && signatures.Count != sponsorsFromHeading.Count)
        {
            warnings.Add($"the heading names {sponsorsFromHeading.Count} sponsor(s), the signatures {signatures.Count}");
        }

        var id = kst
            ?? (dossier is not null && number is not null ? $"kst-{dossier}-{number}" : null)
            ?? (header.TryGetValue("tk_document_guid", out var guid) ? $"tkdoc:{guid}" : null)
            ?? ReaderSupport.FileId(source.File);

        // Cleaned text: the motion without page furniture, clauses as paragraphs.
        var text = new TextBuilder();
        var paragraph = new List<string>();
        void Flush()
        {
            if (paragraph.Count > 0)
            {
                text.Paragraph(LineJoiner.Join(paragraph));
                paragraph.Clear();
            }
        }

        foreach (var l in body)
        {
            if (l.Length == 0 || PageFurniture.IsFooter(l) || NumberOnlyRx().IsMatch(l))
            {
                continue;
            }

            if (ClauseStartRx().IsMatch(l) || paragraph.Count > 0 && EndsClause(paragraph[^1]))
            {
                Flush();
            }

            paragraph.Add(l);
        }

        Flush();
        var cleaned = text.ToString();

        var topics = new List<string>();
        if (header.TryGetValue("titel", out var titel) && titel.Length > 0)
        {
            topics.Add(titel);
        }

        string? title = header.TryGetValue("onderwerp", out var onderwerp) && onderwerp.Length > 0 ? onderwerp : null;
        var entities = new List<Entity>();
        foreach (var s in sponsors)
        {
            var at = cleaned.LastIndexOf(s, StringComparison.Ordinal);
            entities.Add(at < 0
                ? new Entity(EntityKind.Person, Entities.PersonIds.For(s), s, -1, -1) { Role = "sponsor" }
                : new Entity(EntityKind.Person, Entities.PersonIds.For(s), s, at, at + s.Length) { Role = "sponsor", Quote = s });
        }

        var doc = new DocumentInfo
        {
            Kind = DocumentKind.Motion,
            Id = id,
            Title = title ?? TextNormalizer.CollapseSpaces(motieLine),
            Date = date,
            Dossier = dossier,
            Number = number,
            Sponsors = sponsors,
            Topics = topics,
            Vergaderjaar = vergaderjaar,
            OwnIds = header.TryGetValue("tk_document_guid", out var g) && !id.StartsWith("tkdoc:", StringComparison.Ordinal) ? [$"tkdoc:{g}"] : [],
            SourceUrl = Kinds.CitationKinds.OfficialUrl(id) ?? (header.TryGetValue("pdf", out var pdf) ? pdf : null),
        };

        return new ReadDocument { Format = Format, Text = cleaned, Doc = doc, Metadata = metadata, Entities = entities, Warnings = warnings };
    }

    /// <summary>"MOTIE VAN DE LEDEN MINHAS EN VAN DER GRAAF" → Minhas, Van der Graaf.</summary>
    internal static List<string> SponsorsFromHeading(string line)
    {
        var m = MotieRx().Match(line);
        if (!m.Success)
        {
            return [];
        }

        var names = m.Groups["names"].Value;
        var cut = names.IndexOf(" C.S.", StringComparison.OrdinalIgnoreCase);
        if (cut >= 0)
        {
            names = names[..cut];
        }

        return SplitRx().Split(names).Select(n => n.Trim(' ', '.', ',')).Where(n => n.Length > 1).Select(PersonNames.FromUpperCase).ToList();
    }

    // The signatures: the short name lines after "en gaat over tot de orde van de dag.", up to the footer.
    private static List<string> Signatures(List<string> body)
    {
        var end = body.FindIndex(l => l.Contains("gaat over tot de orde van de dag", StringComparison.Ordinal));
        var result = new List<string>();
        if (end < 0)
        {
            return result;
        }

        for (var i = end + 1; i < body.Count; i++)
        {
            var l = body[i];
            if (l.Length == 0)
            {
                if (result.Count > 0)
                {
                    break;
                }

                continue;
            }

            if (PageFurniture.IsFooter(l) || !SignatureRx().IsMatch(l))
            {
                break;
            }

            result.Add(l);
        }

        return result;
    }

    private static bool EndsClause(string line) => line.EndsWith(';') || line.EndsWith(',') && line.StartsWith("De Kamer", StringComparison.Ordinal);

    [GeneratedRegex(@"^#\s*(?<k>[\w-]+):\s*(?<v>.*)$", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex HeaderLineRx();

    [GeneratedRegex(@"MOTIE\s+VAN\s+(?:HET\s+LID|DE\s+LEDEN)\s+(?<names>[^\n]+)", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex MotieRx();

    [GeneratedRegex(@"\s+EN\s+|,\s*", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex SplitRx();

    [GeneratedRegex(@"^kst-[0-9A-Za-z-]+$", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex KstLineRx();

    [GeneratedRegex(@"^kst-(?<d>.+)-(?<n>[0-9]+)$", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex KstPartsRx();

    [GeneratedRegex(@"Vergaderjaar\s+(?<vj>[0-9]{4}\s*[–-]\s*[0-9]{4})", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex VergaderjaarRx();

    [GeneratedRegex(@"^Voorgesteld\s+(?<d>[0-9]{1,2}\s+\p{L}+\s+[0-9]{4})", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex VoorgesteldRx();

    [GeneratedRegex(@"^Nr\.\s*(?<n>[0-9]+)$", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex NrRx();

    [GeneratedRegex(@"^[0-9]{2}\s?[0-9]{3}(?:(?:\s?[-–]\s?[0-9A-Z]{1,5})|(?:\s[IVXL]{1,6})|(?:\s[A-Z]))*$", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex DossierLineRx();

    [GeneratedRegex(@"^(?<d>[0-9]{5}(?:-[IVXL]+)?)-(?<n>[0-9]{1,4})$", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex ShortDossierNrRx();

    [GeneratedRegex(@"^[0-9]{1,2}$", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex NumberOnlyRx();

    [GeneratedRegex(@"^(?<d>[0-9]{4,6}(?:-[0-9A-Z]+)*?)-(?<n>[0-9]{1,4})$", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex TrailingNumberRx();

    [GeneratedRegex(@"^(?:overwegende|constaterende|verzoekt|van mening|spreekt uit|roept|draagt|en gaat over|De Kamer,|gehoord de beraadslaging|MOTIE|Voorgesteld)", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex ClauseStartRx();

    // A signature line is a name: capitalised words and particles, no sentence punctuation.
    [GeneratedRegex(@"^\p{Lu}[\p{L}'’.-]*(?:\s+(?:van|de|der|den|het|ten|ter|in|'t|\p{Lu}[\p{L}'’.-]*))*$", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex SignatureRx();
}
