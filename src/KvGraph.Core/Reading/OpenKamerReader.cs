using System.Text.RegularExpressions;
using KvGraph.Core.Cleaning;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;
using KvGraph.Core.Text;

namespace KvGraph.Core.Reading;

/// <summary>
/// openkamer.org question pages (seed 000): a metadata header (Kamervraag &lt;zaak&gt;, title, Ingediend, Beantwoord,
/// Indieners, Beantwoord door, Onderwerpen, Bron vraag/antwoord), then "• Vraag N" blocks holding the question and
/// its answer paragraphs, then the document numbers. Footnote markers glued to the text ("kampen»?1") become "[1]".
/// </summary>
internal sealed partial class OpenKamerReader : IDocumentReader
{
    public string Format => "openkamer";

    public double Detect(SourceDocument source)
    {
        var head = source.Text.AsSpan(0, Math.Min(source.Text.Length, 2000));
        // The literal first: most texts are no openkamer page, and a span search turns them away before the pattern runs.
        return head.Contains("Ingediend", StringComparison.Ordinal) && HeadRx().IsMatch(head) ? 0.95 : 0;
    }

    public ReadDocument Read(SourceDocument source)
    {
        var lines = TextNormalizer.Normalize(source.Text).Split('\n');
        var zaakLine = Array.FindIndex(lines, l => HeadRx().IsMatch(l));
        if (zaakLine < 0)
        {
            throw new DocumentFormatException(source.File, "not an openkamer page: no 'Kamervraag <zaak>' line");
        }

        var zaak = HeadRx().Match(lines[zaakLine]).Groups["zaak"].Value.ToUpperInvariant();
        var text = new TextBuilder();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var warnings = new List<string>();
        DateOnly? submitted = null, answered = null;
        string? title = null, questionUrl = null, answerUrl = null, ahId = null, kvId = null;
        var askers = new List<Asker>();
        var answerers = new List<Answerer>();
        var topics = new List<string>();

        text.Paragraph(lines[zaakLine].Trim());
        var i = zaakLine + 1;

        // Header: everything up to the first "• Vraag" line.
        var headerDone = false;
        for (; i < lines.Length && !headerDone; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (VraagRx().IsMatch(line))
            {
                headerDone = true;
                i--;
                break;
            }

            if (title is null && !FieldRx().IsMatch(line))
            {
                title = line;
                text.Paragraph(line);
                text.Paragraph(string.Empty);
                continue;
            }

            var field = FieldRx().Match(line);
            var value = field.Success ? field.Groups["value"].Value.Trim() : line;
            switch (field.Success ? field.Groups["key"].Value : string.Empty)
            {
                case "Ingediend":
                    submitted = ReaderSupport.DateOf(value);
                    break;
                case "Beantwoord door":
                    answerers.AddRange(ParseAnswerers(value));
                    break;
                case "Beantwoord":
                    answered = ReaderSupport.DateOf(value);
                    break;
                case "Indieners":
                    askers.AddRange(ParseAskers(value));
                    break;
                case "Onderwerpen":
                    topics.AddRange(SplitTopics(value));
                    metadata["onderwerpen"] = value;
                    break;
                case "Bron vraag":
                    questionUrl = value;
                    break;
                case "Bron antwoord":
                    answerUrl = value;
                    break;
                default:
                    break;
            }

            // Header lines stay in the text on their own lines, so names and dates keep a place to point at.
            text.Line(line);
        }

        // Body: "• Vraag N" blocks until the trailer with the document numbers.
        var items = new List<Item>();
        var markers = new List<string>();
        while (i < lines.Length)
        {
            var line = lines[i].Trim();
            if (TrailerRx().IsMatch(line))
            {
                break;
            }

            var vm = VraagRx().Match(line);
            if (!vm.Success)
            {
                i++;
                continue;
            }

            var n = int.Parse(vm.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var paragraphs = new List<string>();
            var current = new List<string>();
            i++;
            for (; i < lines.Length; i++)
            {
                var l = lines[i].Trim();
                if (VraagRx().IsMatch(l) || TrailerRx().IsMatch(l))
                {
                    break;
                }

                if (l.Length == 0)
                {
                    if (current.Count > 0)
                    {
                        paragraphs.Add(string.Join('\n', current));
                        current.Clear();
                    }

                    continue;
                }

                current.Add(l);
            }

            if (current.Count > 0)
            {
                paragraphs.Add(string.Join('\n', current));
            }

            var heading = text.Paragraph($"Vraag {n}");
            var qEnd = heading.End;
            if (paragraphs.Count > 0)
            {
                qEnd = text.Line(Marked(paragraphs[0], $"q{n}", markers)).End;
            }

            items.Add(new Item($"q{n}", ItemKind.Question, [n], heading.Start, qEnd));
            if (paragraphs.Count > 1)
            {
                var aStart = -1;
                var aEnd = -1;
                foreach (var p in paragraphs.Skip(1))
                {
                    var span = text.Paragraph(Marked(p, $"a{n}", markers));
                    aStart = aStart < 0 ? span.Start : aStart;
                    aEnd = span.End;
                }

                items.Add(new Item($"a{n}", ItemKind.Answer, [n], aStart, aEnd));
            }
        }

        // Trailer: document numbers and full titles.
        text.Paragraph(string.Empty);
        var firstTrailer = true;
        for (; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var dn = DocNumberRx().Match(line);
            if (dn.Success)
            {
                if (dn.Groups["id"].Value.StartsWith("ah-", StringComparison.Ordinal))
                {
                    ahId = dn.Groups["id"].Value;
                }
                else
                {
                    kvId = dn.Groups["id"].Value;
                }
            }
            else if (line.StartsWith("Volledige titel:", StringComparison.Ordinal))
            {
                metadata[ahId is null ? "volledige-titel-vraag" : "volledige-titel-antwoord"] = line["Volledige titel:".Length..].Trim();
            }

            if (firstTrailer)
            {
                text.Paragraph(line);
                firstTrailer = false;
            }
            else
            {
                text.Line(line);
            }
        }

        ahId ??= answerUrl is null ? null : OfficialIdRx().Match(answerUrl) is { Success: true } m1 ? m1.Value : null;
        kvId ??= questionUrl is null ? null : OfficialIdRx().Match(questionUrl) is { Success: true } m2 ? m2.Value : null;
        kvId ??= Ids.Question(zaak);
        if (markers.Count > 0)
        {
            metadata["footnote-markers"] = string.Join("; ", markers);
        }

        var isAnswer = ahId is not null || answered is not null || items.Any(x => x.Kind == ItemKind.Answer);
        if (isAnswer && ahId is null)
        {
            warnings.Add("answered, but the page names no Aanhangsel number; the answer is identified by its zaak");
        }

        var vergaderjaar = ahId is null ? null : AhVergaderjaarRx().Match(ahId) is { Success: true } vj ? vj.Groups[1].Value : null;
        var cleaned = text.ToString();
        var ownIds = new List<string> { zaak };
        if (isAnswer && ahId is not null)
        {
            ownIds.Add(kvId);
        }

        var doc = new DocumentInfo
        {
            Kind = isAnswer ? DocumentKind.Answer : DocumentKind.Question,
            Id = isAnswer ? ahId ?? $"answer:{zaak}" : kvId,
            Title = title,
            Zaak = zaak,
            Submitted = submitted,
            Answered = answered,
            Askers = askers,
            Answerers = answerers,
            PairedId = isAnswer ? kvId : ahId,
            OwnIds = ownIds,
            Topics = topics,
            Vergaderjaar = vergaderjaar,
            SourceUrl = isAnswer ? answerUrl : questionUrl,
        };

        return ReaderSupport.QuestionAnswerResult(Format, cleaned, doc, items, metadata, warnings);
    }

    private static string Marked(string paragraph, string item, List<string> markers)
    {
        var (t, found) = FootnoteMarkers.Separate(paragraph);
        markers.AddRange(found.Select(f => $"{item}:{f.Number}"));
        return t;
    }

    /// <summary>"Tom van den Nieuwenhuijzen-Wittens (GL), Bram van Ojik (GL)" → surnames with parties.</summary>
    internal static IEnumerable<Asker> ParseAskers(string value) =>
        AskerRx().Matches(value).Select(m => new Asker(PersonNames.Surname(m.Groups["name"].Value.Trim()), m.Groups["party"].Value.Trim()));

    /// <summary>"Sigrid Kaag (minister zonder portefeuille buitenlandse zaken) (D66)" → Kaag, office, party.</summary>
    internal static IEnumerable<Answerer> ParseAnswerers(string value)
    {
        foreach (Match m in AnswererRx().Matches(value))
        {
            var party = m.Groups["party"].Success ? m.Groups["party"].Value.Trim() : null;
            yield return new Answerer(PersonNames.Surname(m.Groups["name"].Value.Trim()), m.Groups["office"].Value.Trim(), party);
        }
    }

    /// <summary>
    /// openkamer lists an answer's topics as one space-separated run of category names ("burgerlijk recht criminaliteit
    /// openbare orde en veiligheid recht"). Read word by word: at each word the longest known category that starts there
    /// is one topic; a word that starts none is a topic of its own. Whole words only, so "werk" is never found inside
    /// "ontwikkelingssamenwerking" and "recht" never inside "staatsrecht".
    /// </summary>
    internal static IEnumerable<string> SplitTopics(string value)
    {
        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var i = 0;
        while (i < words.Length)
        {
            var taken = 1;
            var topic = words[i];
            foreach (var category in Categories)
            {
                if (category.Length > taken && StartsAt(words, i, category))
                {
                    taken = category.Length;
                    topic = string.Join(' ', words, i, taken);
                }
            }

            yield return topic;
            i += taken;
        }
    }

    private static bool StartsAt(string[] words, int at, string[] category)
    {
        if (at + category.Length > words.Length)
        {
            return false;
        }

        for (var k = 0; k < category.Length; k++)
        {
            if (!string.Equals(words[at + k], category[k], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    // openkamer's category names of more than one word (one-word names need no entry: a lone word is a topic anyway).
    private static readonly string[][] Categories =
    [
        .. new[]
        {
            "openbare orde en veiligheid", "burgerlijk recht", "internationaal recht", "onderwijs en wetenschap",
            "zorg en gezondheid", "ruimte en infrastructuur", "natuur en milieu", "sociale zekerheid", "cultuur en recreatie",
            "migratie en integratie", "internationale samenwerking", "internationale betrekkingen",
        }.Select(c => c.Split(' ')),
    ];

    [GeneratedRegex(@"^\s*Kamervraag\s+(?<zaak>(?:19|20)[0-9]{2}[Zz][0-9]{5})\s*$", RegexOptions.Multiline, Patterns.MatchTimeoutMs)]
    private static partial Regex HeadRx();

    [GeneratedRegex(@"^(?<key>Ingediend|Beantwoord door|Beantwoord|Indieners|Onderwerpen|Bron vraag|Bron antwoord)\b\s*(?<value>.*)$", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex FieldRx();

    [GeneratedRegex(@"^\s*[•·\-*]?\s*Vraag\s+(?<n>[0-9]{1,3})\s*$", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex VraagRx();

    [GeneratedRegex(@"^(?:Kamervraag|Kamerantwoord) document nummer:", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex TrailerRx();

    [GeneratedRegex(@"document nummer:\s*(?<id>(?:kv|ah)-tk-\S+)", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex DocNumberRx();

    [GeneratedRegex(@"(?:ah-tk-[0-9]{8}-[0-9]+|kv-tk-[0-9]{4}Z[0-9]{5})", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex OfficialIdRx();

    [GeneratedRegex(@"^ah-tk-([0-9]{8})-", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex AhVergaderjaarRx();

    [GeneratedRegex(@"(?<name>[^,()]+?)\s*\((?<party>[^()]+)\)", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex AskerRx();

    [GeneratedRegex(@"(?<name>[^,()]+?)\s*\((?<office>[^()]+)\)\s*(?:\((?<party>[^()]+)\))?", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex AnswererRx();
}
